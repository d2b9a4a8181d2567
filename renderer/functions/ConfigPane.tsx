import { Braces, CircleAlert, ListChecks } from 'lucide-react';
import { useState } from 'react';
import { CONFIG_FILE, useEditor } from '../editor/editor-store.ts';
import { getModel, isDirty, modelUri } from '../editor/models.ts';
import { useModelVersion } from '../editor/useModelVersion.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { ConfigForm } from './ConfigForm.tsx';
import { parseConfigText } from './config-text.ts';
import { pendingFormText } from './form-bridge.ts';

/** function.json: the form by default, the raw text one click away, and a clear word when it is broken. */
export function ConfigPane() {
  const { fn, detail, configView, setConfigView, formDirty, setFormDirty } = useEditor();
  const [blocked, setBlocked] = useState<string | null>(null);
  const model = fn === null ? null : getModel(modelUri(fn, CONFIG_FILE));
  useModelVersion(model);
  if (fn === null || detail === null) return null;
  const text = model?.getValue() ?? detail.configText;
  const parsed = parseConfigText(text);
  const hostError = model !== null && !isDirty(model) ? detail.configError : undefined;

  const toJson = () => {
    setBlocked(null);
    if (formDirty) {
      // Carry the form's edits into the text, so nothing typed is lost by switching.
      const next = pendingFormText();
      if (next === null) {
        setBlocked('Some fields are not valid yet. Fix the highlighted fields, or revert them, before switching to JSON.');
        return;
      }
      if (model !== null) model.pushEditOperations([], [{ range: model.getFullModelRange(), text: next }], () => null);
      setFormDirty(false);
    }
    setConfigView('json');
  };
  const toForm = () => {
    setBlocked(null);
    if (!parsed.ok) {
      setBlocked('The form opens once the JSON is valid. Fix the problem below (the Problems panel points at the line).');
      return;
    }
    setConfigView('form');
  };

  return (
    <div className={`config-pane${configView === 'json' ? ' config-pane--json' : ''}`} data-testid="config-pane">
      <div className="config-pane__bar">
        <div className="segmented" role="group" aria-label="function.json view">
          <button className={configView === 'form' ? 'is-active' : ''} onClick={toForm} aria-pressed={configView === 'form'} data-testid="config-view-form">
            <ListChecks size={13} /> Form
          </button>
          <button className={configView === 'json' ? 'is-active' : ''} onClick={toJson} aria-pressed={configView === 'json'} data-testid="config-view-json">
            <Braces size={13} /> JSON
          </button>
        </div>
        <span className="muted">
          <span className="mono">functions/{fn}/function.json</span>
        </span>
      </div>
      {blocked !== null && (
        <div className="banner banner--warning" data-testid="config-blocked">
          <CircleAlert size={14} aria-hidden /> {blocked}
        </div>
      )}
      {configView === 'json' && (hostError !== undefined || !parsed.ok) && (
        <div className="config-pane__error" data-testid="config-error">
          <ErrorMessage failure={{ message: 'This function.json cannot be used as it is, so the function will not run until it is fixed. Your text is kept as it is.' }} />
          <pre className="config-pane__reason" data-testid="config-error-reason">
            {hostError ?? (parsed.ok ? '' : parsed.error)}
          </pre>
        </div>
      )}
      {configView === 'form' && parsed.ok && <ConfigForm key={`${fn}:${text}`} name={fn} initial={parsed.config} baseText={text} />}
      {configView === 'form' && !parsed.ok && (
        <div className="config-pane__error">
          <ErrorMessage failure={{ message: 'This function.json cannot be shown as a form until it is valid.', details: parsed.error }} />
          <button className="button button--small config-pane__fix" onClick={() => setConfigView('json')}>
            Fix it as JSON
          </button>
        </div>
      )}
    </div>
  );
}
