import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { MessageAttributes, QueueCounts, QueueMessage } from '../../../shared/contract/queues.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, message_id TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL, attributes TEXT NOT NULL DEFAULT '{}', md5 TEXT NOT NULL, sent_ms INTEGER NOT NULL,
  first_receive_ms INTEGER, receive_count INTEGER NOT NULL DEFAULT 0, visible_at_ms INTEGER NOT NULL,
  receipt_handle TEXT, dead_at_ms INTEGER, last_error TEXT
);
CREATE INDEX IF NOT EXISTS messages_by_queue ON messages (queue, dead_at_ms, visible_at_ms, seq);
`;

type Row = Record<string, SQLInputValue>;

/** A message to put on a queue. */
export interface OutgoingMessage {
  body: string;
  messageAttributes?: MessageAttributes;
}

/** A message as one receive hands it out: its receipt handle names this receive only. */
export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  messageAttributes: MessageAttributes;
  md5OfBody: string;
  sentMs: number;
  firstReceiveMs: number;
  receiveCount: number;
}

/** How one receive treats the queue. */
export interface ReceiveOptions {
  max: number;
  nowMs: number;
  visibilityTimeoutMs: number;
  /** Messages already received this many times go to the dead-letter list instead; undefined: no dead-letter list. */
  maxReceiveCount: number | undefined;
}

/** One delivery of a message, named by its receipt. */
export interface Receipt {
  messageId: string;
  receiptHandle: string;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function parseAttributes(text: SQLInputValue | undefined): MessageAttributes {
  try {
    const parsed = JSON.parse(String(text ?? '{}')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as MessageAttributes) : {};
  } catch {
    return {};
  }
}

/**
 * The workspace's queues and their messages in SQLite (`<state>/queues.db`, WAL). Every change of a
 * message's state is one commit made before what it stands for happens: a receive is written
 * before the function runs, so a studio killed mid-batch finds those messages in flight and hands
 * them out again after their visibility timeout; a delete is written when the batch succeeded, so
 * a message whose success was recorded is gone for good. Other processes (the CLI's `queue send`)
 * may write to the same file while the studio runs.
 */
export function openQueueStore(dbPath: string) {
  const db = new DatabaseSync(dbPath);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  db.exec(SCHEMA);

  const insert = db.prepare('INSERT INTO messages (queue, message_id, body, attributes, md5, sent_ms, visible_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const visible = db.prepare('SELECT * FROM messages WHERE queue = ? AND dead_at_ms IS NULL AND visible_at_ms <= ? ORDER BY visible_at_ms, seq LIMIT ?');
  const toDead = db.prepare('UPDATE messages SET dead_at_ms = ?, receipt_handle = NULL WHERE seq = ?');
  const take = db.prepare('UPDATE messages SET receive_count = receive_count + 1, first_receive_ms = COALESCE(first_receive_ms, ?), visible_at_ms = ?, receipt_handle = ? WHERE seq = ?');
  const remove = db.prepare('DELETE FROM messages WHERE queue = ? AND message_id = ? AND receipt_handle = ?');
  const failOne = db.prepare('UPDATE messages SET last_error = ? WHERE queue = ? AND message_id = ? AND receipt_handle = ?');
  const counts = db.prepare(
    `SELECT SUM(CASE WHEN dead_at_ms IS NULL AND visible_at_ms <= ? THEN 1 ELSE 0 END) AS visible,
            SUM(CASE WHEN dead_at_ms IS NULL AND visible_at_ms > ? THEN 1 ELSE 0 END) AS in_flight,
            SUM(CASE WHEN dead_at_ms IS NOT NULL THEN 1 ELSE 0 END) AS dead
     FROM messages WHERE queue = ?`,
  );
  const listAll = db.prepare('SELECT * FROM messages WHERE queue = ? ORDER BY seq LIMIT ?');
  const redriveAll = db.prepare('UPDATE messages SET dead_at_ms = NULL, receive_count = 0, first_receive_ms = NULL, visible_at_ms = ?, receipt_handle = NULL WHERE queue = ? AND dead_at_ms IS NOT NULL');
  const redriveOne = db.prepare('UPDATE messages SET dead_at_ms = NULL, receive_count = 0, first_receive_ms = NULL, visible_at_ms = ?, receipt_handle = NULL WHERE queue = ? AND dead_at_ms IS NOT NULL AND message_id = ?');
  const purge = db.prepare('DELETE FROM messages WHERE queue = ? AND (dead_at_ms IS NULL) = ?');
  const renameAll = db.prepare('UPDATE messages SET queue = ? WHERE queue = ?');
  const version = db.prepare('PRAGMA data_version');

  const transaction = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    /** Puts messages on the queue, visible at once, in one commit; returns their ids and MD5s. */
    send(queue: string, messages: OutgoingMessage[], nowMs: number): { messageId: string; md5OfBody: string }[] {
      return transaction(() =>
        messages.map((message) => {
          const messageId = randomUUID();
          const digest = md5(message.body);
          insert.run(queue, messageId, message.body, JSON.stringify(message.messageAttributes ?? {}), digest, nowMs, nowMs);
          return { messageId, md5OfBody: digest };
        }),
      );
    },

    /**
     * Hands out up to `max` visible messages, hidden until the visibility timeout ends, in one
     * commit; visible ones already received `maxReceiveCount` times go to the dead-letter list
     * instead, as SQS moves them on the receive after the last one allowed.
     */
    receive(queue: string, options: ReceiveOptions): { messages: ReceivedMessage[]; deadLettered: number } {
      return transaction(() => {
        const messages: ReceivedMessage[] = [];
        let deadLettered = 0;
        while (messages.length < options.max) {
          const rows = visible.all(queue, options.nowMs, options.max - messages.length) as Row[];
          if (rows.length === 0) break;
          for (const row of rows) {
            const count = Number(row['receive_count']);
            if (options.maxReceiveCount !== undefined && count >= options.maxReceiveCount) {
              toDead.run(options.nowMs, row['seq'] ?? null);
              deadLettered++;
              continue;
            }
            const receiptHandle = randomBytes(48).toString('base64');
            take.run(options.nowMs, options.nowMs + options.visibilityTimeoutMs, receiptHandle, row['seq'] ?? null);
            messages.push({
              messageId: String(row['message_id']),
              receiptHandle,
              body: String(row['body']),
              messageAttributes: parseAttributes(row['attributes']),
              md5OfBody: String(row['md5']),
              sentMs: Number(row['sent_ms']),
              firstReceiveMs: row['first_receive_ms'] === null ? options.nowMs : Number(row['first_receive_ms']),
              receiveCount: count + 1,
            });
          }
        }
        return { messages, deadLettered };
      });
    },

    /** Deletes delivered messages (their batch succeeded), in one commit; a stale receipt deletes nothing. */
    delete(queue: string, receipts: Receipt[]): number {
      return transaction(() => receipts.reduce((n, r) => n + Number(remove.run(queue, r.messageId, r.receiptHandle).changes), 0));
    },

    /** Notes why deliveries failed; they come back when their visibility timeout ends. */
    fail(queue: string, receipts: Receipt[], error: string): void {
      transaction(() => {
        for (const r of receipts) failOne.run(error, queue, r.messageId, r.receiptHandle);
      });
    },

    counts(queue: string, nowMs: number): QueueCounts {
      const row = counts.get(nowMs, nowMs, queue) as Row | undefined;
      return { visible: Number(row?.['visible'] ?? 0), inFlight: Number(row?.['in_flight'] ?? 0), deadLetter: Number(row?.['dead'] ?? 0) };
    },

    /** The queue's messages, oldest first, at most `limit`. */
    list(queue: string, nowMs: number, limit: number): QueueMessage[] {
      return (listAll.all(queue, limit) as Row[]).map((row) => {
        const dead = row['dead_at_ms'] !== null;
        const message: QueueMessage = {
          messageId: String(row['message_id']),
          body: String(row['body']),
          sentMs: Number(row['sent_ms']),
          receiveCount: Number(row['receive_count']),
          state: dead ? 'deadLetter' : Number(row['visible_at_ms']) > nowMs ? 'inFlight' : 'visible',
        };
        if (!dead && Number(row['visible_at_ms']) > nowMs) message.visibleAtMs = Number(row['visible_at_ms']);
        if (row['last_error'] !== null) message.lastError = String(row['last_error']);
        return message;
      });
    },

    /** Moves dead letters (all, or those named) back onto the queue as new: visible now, never received. */
    redrive(queue: string, nowMs: number, messageIds?: string[]): number {
      return transaction(() =>
        messageIds === undefined
          ? Number(redriveAll.run(nowMs, queue).changes)
          : messageIds.reduce((n, id) => n + Number(redriveOne.run(nowMs, queue, id).changes), 0),
      );
    },

    /** Deletes the queue's live messages, or its dead letters. */
    purge(queue: string, which: 'queue' | 'deadLetter'): number {
      return Number(purge.run(queue, which === 'queue' ? 1 : 0).changes);
    },

    /** Moves a queue's messages to another name (its function was renamed); returns how many. */
    rename(from: string, to: string): number {
      return Number(renameAll.run(to, from).changes);
    },

    /** Changes when another connection (another process) commits, so a poller notices their sends. */
    dataVersion(): number {
      const row = version.get() as Row | undefined;
      return Number(row?.['data_version'] ?? 0);
    },

    close(): void {
      db.close();
    },
  };
}

export type QueueStore = ReturnType<typeof openQueueStore>;
