import * as Dialog from '@radix-ui/react-dialog';
import { RefreshCw, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { DurableStoreInfo } from '../../shared/contract/durable-store.ts';
import { api } from '../api/api.ts';
import { coalesce } from '../lib/coalesce.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { executionsText, storeSize } from './store-size.ts';

/** The local executions database: its size, what it holds, and purging the finished executions. */
export function StoreSection() {
  const [info, setInfo] = useState<DurableStoreInfo | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [confirming, setConfirming] = useState<DurableStoreInfo | null>(null);
  const [purging, setPurging] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);

  const load = useCallback(() => {
    api()
      .call('durableStore.info', {})
      .then(
        (next) => {
          setInfo(next);
          setFailure(null);
        },
        (error: unknown) => setFailure(toFailure(error, 'Could not read the executions database')),
      );
  }, []);
  useEffect(() => {
    load();
    // Executions start and finish while Settings is open: the counts follow, once a second at most.
    const reload = coalesce(load, 1_000);
    const stop = api().on('executions.changed', () => reload.request());
    return () => {
      stop();
      reload.cancel();
    };
  }, [load]);

  const purge = () => {
    setConfirming(null);
    setPurging(true);
    setOutcome(null);
    api()
      .call('durableStore.purgeFinished', {})
      .then(
        (result) => {
          setOutcome(`Purged ${executionsText(result.purged, 'finished')}; the database went from ${storeSize(result.bytesBefore)} to ${storeSize(result.bytesAfter)}.`);
          load();
        },
        (error: unknown) => setFailure(toFailure(error, 'Could not purge the finished executions')),
      )
      .finally(() => setPurging(false));
  };

  return (
    <section className="form-section" data-testid="settings-store">
      <h3 className="form-section__title">Executions database</h3>
      {failure !== null && <ErrorMessage failure={failure} />}
      <dl className="facts">
        <dt>File</dt>
        <dd className="mono" data-testid="store-path">
          {info?.path ?? '…'}
        </dd>
        <dt>Size</dt>
        <dd className="fact-copy">
          <span data-testid="store-size">{info === null ? '…' : storeSize(info.bytes)}</span>
          <button className="icon-button" aria-label="Refresh the database size" title="Refresh" onClick={load} data-testid="store-refresh">
            <RefreshCw size={13} />
          </button>
        </dd>
        <dt>Holds</dt>
        <dd data-testid="store-counts">{info === null ? '…' : `${executionsText(info.finished, 'finished')}, ${executionsText(info.running, 'running')}`}</dd>
      </dl>
      <p className="field__hint">
        Finished executions are kept for their function's retention period (durable.retentionPeriodInDays, 14 days unless set), then purged with their
        history, as Lambda does; the file shrinks back. Running executions are never touched.
      </p>
      <div>
        <button className="button" disabled={info === null || info.finished === 0 || purging} onClick={() => setConfirming(info)} data-testid="store-purge">
          <Trash2 size={13} /> {purging ? 'Purging…' : 'Purge finished executions…'}
        </button>
      </div>
      {outcome !== null && (
        <p className="field__hint" role="status" data-testid="store-purge-outcome">
          {outcome}
        </p>
      )}
      {confirming !== null && (
        <Dialog.Root open onOpenChange={(open) => !open && setConfirming(null)}>
          <Dialog.Portal>
            <Dialog.Overlay className="dialog-overlay" />
            <Dialog.Content className="dialog" data-testid="store-purge-dialog">
              <Dialog.Title className="dialog__title">Purge {executionsText(confirming.finished, 'finished')}?</Dialog.Title>
              <Dialog.Description className="dialog__description">
                They leave the executions list now with their history and results, whatever their retention period; the{' '}
                {executionsText(confirming.running, 'running')} {confirming.running === 1 ? 'stays as it is' : 'stay as they are'}. This cannot be undone.
              </Dialog.Description>
              <DialogButtons focusClose confirm={{ label: `Purge ${executionsText(confirming.finished, 'finished')}`, tone: 'danger', onClick: purge, testId: 'store-purge-confirm' }} />
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      )}
    </section>
  );
}
