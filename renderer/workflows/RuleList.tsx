import { Plus, Trash2 } from 'lucide-react';
import { AreaField, TextField } from './fields.tsx';
import { compact, optional } from './block-edit.ts';
import { fieldProblems, type ProblemRow } from './problems-store.ts';

export interface Rule {
  error?: string | undefined;
  when?: string | undefined;
  body: string;
}

interface Props {
  kind: 'returns' | 'catches';
  rules: readonly Rule[];
  problems: readonly ProblemRow[] | undefined;
  readOnly: boolean;
  onChange(rules: Rule[]): void;
}

const TEXT = {
  returns: { title: 'Returns', empty: 'The function’s result is passed on as it is.', body: 'result', add: 'Add a return rule', vars: 'result, data, blocks, input, event, context' },
  catches: { title: 'Catches', empty: 'An error fails the run.', body: '{"ok": false, "reason": error.message}', add: 'Add a catch rule', vars: 'error, data, blocks, input, event, context' },
};

/**
 * A Lambda block's return or catch rules: the first whose `when` holds shapes the output; a rule
 * without `when` is the fallback.
 */
export function RuleList({ kind, rules, problems, readOnly, onChange }: Props) {
  const text = TEXT[kind];
  const set = (i: number, patch: Partial<Rule>) => onChange(rules.map((r, at) => (at === i ? compact({ ...r, ...patch }) : r)));
  return (
    <section className="wf-rules" data-testid={`rules-${kind}`}>
      <div className="inspector__section-title">{text.title}</div>
      {rules.length === 0 && <p className="wf-rules__empty">{text.empty}</p>}
      {rules.map((rule, i) => (
        <div key={i} className="wf-rule" data-testid={`rule-${kind}-${i}`}>
          <div className="wf-rule__head">
            <span className="wf-rule__index">{i + 1}</span>
            <span className="spacer" />
            {!readOnly && (
              <button className="icon-button icon-button--small" onClick={() => onChange(rules.filter((_, at) => at !== i))} aria-label={`Remove ${kind === 'returns' ? 'return' : 'catch'} rule ${i + 1}`} data-testid={`rule-${kind}-${i}-remove`}>
                <Trash2 size={12} />
              </button>
            )}
          </div>
          {kind === 'catches' && (
            <TextField label="Error type" value={rule.error ?? ''} mono placeholder="any error" readOnly={readOnly} onCommit={(v) => set(i, { error: optional(v) })} testId={`rule-${kind}-${i}-error`} />
          )}
          <TextField label="When (CEL)" value={rule.when ?? ''} mono placeholder="always (fallback)" readOnly={readOnly} problems={fieldProblems(problems, `${kind}[${i}].when`)} onCommit={(v) => set(i, { when: optional(v) })} testId={`rule-${kind}-${i}-when`} />
          <AreaField label="Body (CEL)" value={rule.body} readOnly={readOnly} problems={fieldProblems(problems, `${kind}[${i}].body`)} hint={`Reads ${text.vars}.`} onCommit={(v) => set(i, { body: v })} testId={`rule-${kind}-${i}-body`} />
        </div>
      ))}
      {!readOnly && (
        <button className="button button--small" onClick={() => onChange([...rules, { body: text.body }])} data-testid={`rule-${kind}-add`}>
          <Plus size={12} /> {text.add}
        </button>
      )}
    </section>
  );
}
