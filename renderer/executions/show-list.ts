import { useUi } from '../shell/ui-store.ts';
import { useDetail } from './detail-store.ts';
import { useExecutions } from './executions-store.ts';

/** Shows the list of executions (closing any open or offline execution), as the icon and All do. */
export function showExecutionList(): void {
  useDetail.getState().clear();
  useExecutions.getState().open(null);
  useUi.getState().setView('executions');
}
