import { randomUUID } from 'node:crypto';

/** EventBridge's scheduled event, as a rule with a schedule expression sends it. */
export interface ScheduledEvent {
  version: '0';
  id: string;
  'detail-type': 'Scheduled Event';
  source: 'aws.events';
  account: string;
  /** The scheduled time, to the second, as EventBridge writes it (`2026-03-12T19:00:00Z`). */
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, never>;
}

/** The rule a function's schedule stands for, named as the studio would deploy it. */
export function scheduleRuleArn(functionName: string, region: string, account: string): string {
  return `arn:aws:events:${region}:${account}:rule/${functionName}-schedule`;
}

export function scheduledEvent(functionName: string, atMs: number, where: { region: string; account: string }): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: where.account,
    time: new Date(Math.floor(atMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    region: where.region,
    resources: [scheduleRuleArn(functionName, where.region, where.account)],
    detail: {},
  };
}
