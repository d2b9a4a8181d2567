import { Check, Copy, Eye, EyeOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useEditor } from '../editor/editor-store.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { awsCliExample, type AwsCliVersion } from './aws-cli-example.ts';
import { useLambdaEndpoint } from './lambda-endpoint-store.ts';

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1200);
      },
      () => {},
    );
  };
  return (
    <button className="icon-button" aria-label={`Copy ${label}`} title={`Copy ${label}`} onClick={copy} data-testid={`copy-${label.replace(/\s+/g, '-')}`}>
      {copied ? <Check size={13} /> : <Copy size={13} />}
    </button>
  );
}

function Fact({ label, value, testId, secret = false }: { label: string; value: string; testId: string; secret?: boolean }) {
  const [shown, setShown] = useState(!secret);
  return (
    <>
      <dt>{label}</dt>
      <dd className="fact-copy">
        <span className="mono" data-testid={testId}>
          {shown ? value : '•'.repeat(24)}
        </span>
        {secret && (
          <button className="icon-button" aria-label={shown ? `Hide ${label}` : `Show ${label}`} onClick={() => setShown(!shown)} data-testid={`${testId}-reveal`}>
            {shown ? <EyeOff size={13} /> : <Eye size={13} />}
          </button>
        )}
        <CopyButton text={value} label={label.toLowerCase()} />
      </dd>
    </>
  );
}

/** Where the local Lambda service listens and how outside tools (AWS CLI, SDKs, deploy scripts) reach it. */
export function LambdaSection() {
  const { info, failure } = useLambdaEndpoint();
  const openFn = useEditor((s) => s.fn);
  const firstFn = useWorkspace((s) => s.functions[0]?.name);
  useEffect(() => {
    void useLambdaEndpoint.getState().load();
  }, []);
  const [cliVersion, setCliVersion] = useState<AwsCliVersion>(2);
  const fn = openFn ?? firstFn ?? 'my-function';
  // Shown with the secret masked, as above; the copy carries it so the command runs as pasted.
  const example = info === null ? '' : awsCliExample(info, fn, cliVersion);
  const shownExample = info === null ? '' : awsCliExample(info, fn, cliVersion, { maskSecret: true });
  return (
    <section className="form-section" data-testid="settings-lambda">
      <h3 className="form-section__title">Local Lambda service</h3>
      {failure !== null && <ErrorMessage failure={failure} />}
      <dl className="facts">
        <Fact label="Endpoint" value={info?.endpoint ?? '…'} testId="lambda-endpoint" />
        <Fact label="Region" value={info?.region ?? '…'} testId="lambda-region" />
        <Fact label="Access key id" value={info?.accessKeyId ?? '…'} testId="lambda-access-key" />
        <Fact label="Secret access key" value={info?.secretAccessKey ?? '…'} testId="lambda-secret" secret />
      </dl>
      <p className="field__hint">
        The service speaks the AWS Lambda API on this machine only. The AWS CLI, the AWS SDKs and deploy scripts work against it when they sign with these
        credentials; anything else is refused.
      </p>
      <div className="segmented cli-version" role="radiogroup" aria-label="AWS CLI version">
        {([2, 1] as const).map((version) => (
          <button key={version} role="radio" aria-checked={cliVersion === version} className={cliVersion === version ? 'is-active' : ''} onClick={() => setCliVersion(version)} data-testid={`cli-v${version}`}>
            AWS CLI v{version}
          </button>
        ))}
      </div>
      <div className="code-sample">
        <pre className="mono" data-testid="lambda-cli-example">
          {shownExample}
        </pre>
        <CopyButton text={example} label="example command" />
      </div>
    </section>
  );
}
