import { QueueTrigger } from '../../shared/workspace/function-config.ts';

/** The queue settings as the form holds them: text, so a half-typed number is not lost. */
export interface QueueSettingsValues {
  enabled: boolean;
  batchSize: string;
  batchWindowSeconds: string;
  visibilityTimeoutSeconds: string;
  maxReceiveCount: string;
  deadLetter: boolean;
  reportBatchItemFailures: boolean;
}

export type QueueSettingsField = 'batchSize' | 'batchWindowSeconds' | 'visibilityTimeoutSeconds' | 'maxReceiveCount';

export function settingsValues(trigger: QueueTrigger): QueueSettingsValues {
  return {
    enabled: trigger.enabled,
    batchSize: String(trigger.batchSize),
    batchWindowSeconds: String(trigger.batchWindowSeconds),
    visibilityTimeoutSeconds: String(trigger.visibilityTimeoutSeconds),
    maxReceiveCount: String(trigger.maxReceiveCount),
    deadLetter: trigger.deadLetter,
    reportBatchItemFailures: trigger.reportBatchItemFailures,
  };
}

const NUMBER_FIELDS: readonly QueueSettingsField[] = ['batchSize', 'batchWindowSeconds', 'visibilityTimeoutSeconds', 'maxReceiveCount'];

/** The trigger the values stand for, or each field's problem in the schema's words. */
export function settingsToTrigger(values: QueueSettingsValues): { ok: true; trigger: QueueTrigger } | { ok: false; errors: Partial<Record<QueueSettingsField, string>> } {
  const errors: Partial<Record<QueueSettingsField, string>> = {};
  const numbers: Partial<Record<QueueSettingsField, number>> = {};
  for (const field of NUMBER_FIELDS) {
    const text = values[field].trim();
    const n = Number(text);
    if (text === '' || !Number.isInteger(n)) errors[field] = 'a whole number';
    else numbers[field] = n;
  }
  const parsed = QueueTrigger.safeParse({ enabled: values.enabled, deadLetter: values.deadLetter, reportBatchItemFailures: values.reportBatchItemFailures, ...numbers });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (NUMBER_FIELDS as readonly string[]).includes(field)) errors[field as QueueSettingsField] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, trigger: parsed.data };
}
