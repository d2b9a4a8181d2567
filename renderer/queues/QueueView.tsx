import { Inbox, RotateCcw, Send, Trash2, TriangleAlert } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { QueueMessage } from '../../shared/contract/queues.ts';
import { messageBodies } from '../../shared/queues/message-text.ts';
import { QueueTrigger, type FunctionConfig } from '../../shared/workspace/function-config.ts';
import { api } from '../api/api.ts';
import { useEditor } from '../editor/editor-store.ts';
import { StatusBadge } from '../executions/StatusBadge.tsx';
import { formatAgo, formatCountdown, formatExact } from '../executions/time-format.ts';
import { useNow } from '../executions/useNow.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { EmptyState } from '../shell/EmptyState.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { settingsToTrigger, settingsValues, type QueueSettingsField, type QueueSettingsValues } from './queue-settings.ts';
import { subscribeQueueView, useQueueView } from './queue-view-store.ts';
import './queues.css';

const STATE_LOOK = {
  visible: { tone: 'pending', label: 'Waiting' },
  inFlight: { tone: 'running', label: 'In flight' },
  deadLetter: { tone: 'failed', label: 'Dead letter' },
} as const;

/** Saves function.json with the queue trigger given (the rest of the file as it is). */
async function saveTrigger(fn: string, config: FunctionConfig, trigger: QueueTrigger): Promise<void> {
  const detail = await api().call('functions.saveConfig', { name: fn, config: { ...config, triggers: { ...config.triggers, queue: trigger } } });
  useEditor.getState().applyDetail(detail);
  void useWorkspace.getState().refresh();
}

const FIELDS: { field: QueueSettingsField; label: string; unit: string; hint: string }[] = [
  { field: 'batchSize', label: 'Batch size', unit: 'messages', hint: 'Messages per invocation at most (1 to 10,000).' },
  { field: 'batchWindowSeconds', label: 'Batching window', unit: 's', hint: 'Seconds to gather a fuller batch before invoking with what is there (0 to 300).' },
  { field: 'visibilityTimeoutSeconds', label: 'Visibility timeout', unit: 's', hint: 'Seconds a received message stays hidden; a failed one comes back after it (0 to 43,200).' },
  { field: 'maxReceiveCount', label: 'Max receives', unit: '', hint: 'Receives after which a message that still fails goes to the dead-letter list (1 to 1,000).' },
];

function Settings({ fn, config, trigger }: { fn: string; config: FunctionConfig; trigger: QueueTrigger }) {
  const saved = useMemo(() => settingsValues(trigger), [trigger]);
  const [values, setValues] = useState<QueueSettingsValues>(saved);
  const [errors, setErrors] = useState<Partial<Record<QueueSettingsField, string>>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const changed = JSON.stringify(values) !== JSON.stringify(saved);
  const update = (patch: Partial<QueueSettingsValues>) => setValues((v) => ({ ...v, ...patch }));
  const save = async () => {
    const result = settingsToTrigger(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      await saveTrigger(fn, config, result.trigger);
    } catch (error) {
      setFailure(toFailure(error, 'Could not save the queue settings'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="queue-settings" aria-label="Queue settings" data-testid="queue-settings">
      <label className="checkbox" title="Off keeps the messages and stops delivering them">
        <input type="checkbox" checked={values.enabled} onChange={(e) => update({ enabled: e.target.checked })} data-testid="queue-enabled" />
        <span>Deliver to the function</span>
      </label>
      {FIELDS.map(({ field, label, unit, hint }) => (
        <label key={field} className="queue-settings__field" title={hint}>
          <span className="queue-settings__label">{label}</span>
          <span className="input-with-unit">
            <input
              className={`input input--compact queue-settings__number${errors[field] === undefined ? '' : ' is-invalid'}`}
              inputMode="numeric"
              value={values[field]}
              onChange={(e) => update({ [field]: e.target.value })}
              aria-invalid={errors[field] !== undefined}
              data-testid={`queue-${field}`}
            />
            {unit !== '' && <span className="input-unit">{unit}</span>}
          </span>
          {errors[field] !== undefined && <span className="field__hint is-error" role="alert">{errors[field]}</span>}
        </label>
      ))}
      <label className="checkbox" title="After Max receives, a failing message goes to the dead-letter list; without one it comes back after every visibility timeout">
        <input type="checkbox" checked={values.deadLetter} onChange={(e) => update({ deadLetter: e.target.checked })} data-testid="queue-deadLetter" />
        <span>Dead-letter list</span>
      </label>
      <label className="checkbox" title="ReportBatchItemFailures: a returned batchItemFailures list fails only the messages it names. Off, any answer is a success for the whole batch">
        <input type="checkbox" checked={values.reportBatchItemFailures} onChange={(e) => update({ reportBatchItemFailures: e.target.checked })} data-testid="queue-reportBatchItemFailures" />
        <span>Report batch item failures</span>
      </label>
      <button className="button button--small" onClick={() => void save()} disabled={!changed || saving} data-testid="queue-save">
        {saving ? 'Saving…' : 'Save'}
      </button>
      {failure !== null && <ErrorMessage failure={failure} />}
    </section>
  );
}

function SendBox({ fn }: { fn: string }) {
  const [text, setText] = useState('{"orderId": "42"}');
  const [each, setEach] = useState(true);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const bodies = useMemo(() => messageBodies(text, each), [text, each]);
  const send = async () => {
    setFailure(null);
    setNote(null);
    try {
      const { messageIds } = await api().call('queues.send', { functionName: fn, messages: bodies.map((body) => ({ body })) });
      setNote(messageIds.length === 1 ? 'Sent 1 message.' : `Sent ${messageIds.length} messages.`);
    } catch (error) {
      setFailure(toFailure(error, 'Could not send'));
    }
  };
  return (
    <section className="queue-send" aria-label="Send messages">
      <textarea
        className="input queue-send__body mono"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
        spellCheck={false}
        rows={3}
        aria-label="Message body"
        data-testid="queue-send-body"
      />
      <div className="queue-send__actions">
        <label className="checkbox" title="A JSON array sends one message per item; anything else is one message">
          <input type="checkbox" checked={each} onChange={(e) => setEach(e.target.checked)} data-testid="queue-send-each" />
          <span>Each item of a JSON array is a message</span>
        </label>
        <span className="spacer" />
        {note !== null && <span className="muted" data-testid="queue-send-note">{note}</span>}
        <button className="button button--small button--primary" onClick={() => void send()} disabled={text.trim() === ''} data-testid="queue-send">
          <Send size={12} aria-hidden /> {bodies.length === 1 ? 'Send' : `Send ${bodies.length}`}
        </button>
      </div>
      {failure !== null && <ErrorMessage failure={failure} />}
    </section>
  );
}

function MessageRow({ fn, message, nowMs }: { fn: string; message: QueueMessage; nowMs: number }) {
  const look = STATE_LOOK[message.state];
  return (
    <tr data-testid="queue-message" data-state={message.state} data-message-id={message.messageId}>
      <td>
        <StatusBadge tone={look.tone} label={look.label} />
        {message.visibleAtMs !== undefined && (
          <span className="muted queue-row__back" title={`Back on the queue at ${formatExact(message.visibleAtMs)} unless its batch succeeds`}>
            {' '}
            back {formatCountdown(message.visibleAtMs, nowMs)}
          </span>
        )}
      </td>
      <td className="num mono" data-testid="queue-message-receives">{message.receiveCount}</td>
      <td title={formatExact(message.sentMs)}>{formatAgo(message.sentMs, nowMs)}</td>
      <td className="mono queue-row__body" title={message.body}>{message.body}</td>
      <td className="queue-row__error" title={message.lastError}>{message.lastError ?? ''}</td>
      <td>
        {message.state === 'deadLetter' && (
          <button
            className="icon-button"
            aria-label={`Redrive message ${message.messageId}`}
            title="Move it back onto the queue as a new message"
            onClick={() => void api().call('queues.redrive', { functionName: fn, messageIds: [message.messageId] })}
            data-testid="queue-redrive-one"
          >
            <RotateCcw size={13} />
          </button>
        )}
      </td>
    </tr>
  );
}

/** A function's local queue: its settings, counts (waiting, in flight, dead letters), messages, a send box and redrive. */
export function QueueView({ fn }: { fn: string }) {
  const config = useEditor((s) => (s.fn === fn ? (s.detail?.config ?? null) : null));
  const trigger = config?.triggers?.queue;
  const status = useQueueView((s) => (s.fn === fn ? s.status : null));
  const failure = useQueueView((s) => s.failure);
  const [actionFailure, setActionFailure] = useState<Failure | null>(null);
  const inFlight = (status?.counts.inFlight ?? 0) > 0;
  const nowMs = useNow(inFlight);
  useEffect(() => subscribeQueueView(), []);
  useEffect(() => {
    void useQueueView.getState().load(fn);
  }, [fn, trigger]);
  // Messages in flight come back on their own when their visibility timeout ends: no event says so.
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => void useQueueView.getState().load(fn), 1000);
    return () => clearInterval(timer);
  }, [fn, inFlight]);

  const act = async (work: () => Promise<unknown>, context: string) => {
    setActionFailure(null);
    try {
      await work();
    } catch (error) {
      setActionFailure(toFailure(error, context));
    }
  };

  if (config === null) {
    return (
      <div className="queue-view" data-testid="queue-view">
        <EmptyState icon={<Inbox size={22} />} title="function.json cannot be read">
          Fix function.json (the Code view shows what is wrong) to give the function a queue.
        </EmptyState>
      </div>
    );
  }
  if (trigger === undefined) {
    return (
      <div className="queue-view" data-testid="queue-view">
        <EmptyState
          icon={<Inbox size={22} />}
          title="No queue"
          testId="queue-empty"
          action={
            <button className="button button--primary" onClick={() => void act(() => saveTrigger(fn, config, QueueTrigger.parse({ enabled: true })), 'Could not add the queue')} data-testid="queue-add">
              <Inbox size={14} aria-hidden /> Add a queue
            </button>
          }
        >
          A local SQS-style queue delivers its messages to this function in batches, with the SQS event, as an event source mapping does. It is kept in function.json (triggers.queue).
        </EmptyState>
        {actionFailure !== null && <ErrorMessage failure={actionFailure} />}
      </div>
    );
  }

  const counts = status?.counts;
  const messages = status?.messages ?? [];
  return (
    <div className="queue-view" data-testid="queue-view">
      {/* Keyed by the saved trigger: a save (here or in the file) starts the form from it. */}
      <Settings key={JSON.stringify(trigger)} fn={fn} config={config} trigger={trigger} />
      <div className="queue-summary">
        <dl className="queue-counts">
          <div data-testid="queue-count-visible">
            <dt>Waiting</dt>
            <dd className="mono">{counts?.visible ?? '—'}</dd>
          </div>
          <div data-testid="queue-count-inflight">
            <dt>In flight</dt>
            <dd className="mono">{counts?.inFlight ?? '—'}</dd>
          </div>
          <div data-testid="queue-count-dead" className={counts !== undefined && counts.deadLetter > 0 ? 'queue-counts__dead' : undefined}>
            <dt>Dead letters</dt>
            <dd className="mono">{counts?.deadLetter ?? '—'}</dd>
          </div>
        </dl>
        <div className="queue-summary__side">
          {!trigger.enabled && <span className="badge badge--warning">Delivery off: messages wait</span>}
          {status !== null && (
            <span className="mono muted queue-summary__arn" title="The eventSourceARN of its records">
              {status.arn}
            </span>
          )}
          <div className="queue-summary__actions">
            <button
              className="button button--small"
              disabled={counts === undefined || counts.deadLetter === 0}
              onClick={() => void act(() => api().call('queues.redrive', { functionName: fn }), 'Could not redrive')}
              data-testid="queue-redrive-all"
            >
              <RotateCcw size={12} aria-hidden /> Redrive dead letters
            </button>
            <button
              className="button button--small"
              disabled={counts === undefined || counts.visible + counts.inFlight === 0}
              title="Delete the waiting and in-flight messages"
              onClick={() => {
                if (window.confirm(`Delete the ${counts === undefined ? 0 : counts.visible + counts.inFlight} messages on ${fn}'s queue? Dead letters stay.`)) {
                  void act(() => api().call('queues.purge', { functionName: fn, which: 'queue' }), 'Could not purge');
                }
              }}
              data-testid="queue-purge"
            >
              <Trash2 size={12} aria-hidden /> Purge
            </button>
          </div>
        </div>
      </div>
      {status?.blocked !== undefined && (
        <div className="banner banner--warning" role="status" data-testid="queue-blocked">
          <TriangleAlert size={14} aria-hidden />
          <span>
            Not delivering: {status.blocked} The messages wait, unreceived, and go once the function builds.
          </span>
        </div>
      )}
      <SendBox fn={fn} />
      {(failure ?? actionFailure) !== null && <ErrorMessage failure={(failure ?? actionFailure)!} />}
      {messages.length === 0 ? (
        <p className="muted queue-view__none" data-testid="queue-no-messages">
          No messages. Send some above, or from a terminal: <code>npm run cli -- queue send {fn} --body '&#123;"orderId":"42"&#125;'</code>
        </p>
      ) : (
        <div className="queue-table-wrap">
          <table className="inv-table queue-table">
            <thead>
              <tr>
                <th>State</th>
                <th className="num" title="ApproximateReceiveCount">Receives</th>
                <th>Sent</th>
                <th>Body</th>
                <th>Last error</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <MessageRow key={m.messageId} fn={fn} message={m} nowMs={nowMs} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
