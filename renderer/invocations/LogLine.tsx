import { viewLogLine } from '../invoke/invoke-outcome.ts';

/** One log line as the invoke panel shows it: time, level and message, platform lines faint. */
export function LogLine({ line, replayed = false, testId = 'invocation-line' }: { line: string; replayed?: boolean; testId?: string }) {
  const view = viewLogLine(line);
  const classes = ['log-line', view.platform ? 'log-line--platform' : '', replayed ? 'log-line--replayed' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={testId} data-replayed={replayed} title={replayed ? `Replayed: an earlier invocation wrote this line too.\n${line}` : line}>
      {view.time !== undefined && <span className="log-line__time">{view.time} </span>}
      {view.level !== undefined && <span className={`log-line__level log-line__level--${view.level.toLowerCase()}`}>{view.level} </span>}
      {view.message}
      {replayed && <span className="log-line__tag">replayed</span>}
    </div>
  );
}
