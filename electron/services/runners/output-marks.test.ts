import { describe, expect, it } from 'vitest';
import { createOutputMarks } from './output-marks.ts';

describe('output marks', () => {
  it('takes its own marks off the end of a line and keeps what came before', () => {
    const marks = createOutputMarks();
    expect(marks.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(marks.strip('stdout', `LAMBDA_STUDIO_OUTPUT_MARK ${marks.secret} req-1`)).toBeUndefined();
    expect(marks.strip('stderr', `partial lineLAMBDA_STUDIO_OUTPUT_MARK ${marks.secret} req-1`)).toBe('partial line');
  });

  it("leaves lines that only look like marks as they are: another sandbox's secret, none, or more after the id", () => {
    const marks = createOutputMarks();
    const other = createOutputMarks();
    for (const line of [`LAMBDA_STUDIO_OUTPUT_MARK ${other.secret} req-1`, 'LAMBDA_STUDIO_OUTPUT_MARK req-1', `LAMBDA_STUDIO_OUTPUT_MARK ${marks.secret} req-1 and more`, `LAMBDA_STUDIO_OUTPUT_MARK ${marks.secret} `]) {
      expect(marks.strip('stdout', line)).toBe(line);
    }
  });

  it('resolves once both streams have brought the request’s mark, and gives up after its time', async () => {
    const marks = createOutputMarks();
    const waiting = marks.arrived('req-2', 5_000);
    marks.strip('stdout', `LAMBDA_STUDIO_OUTPUT_MARK ${marks.secret} req-2`);
    marks.strip('stderr', `LAMBDA_STUDIO_OUTPUT_MARK ${marks.secret} req-1`);
    let settled = false;
    void waiting.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    marks.strip('stderr', `LAMBDA_STUDIO_OUTPUT_MARK ${marks.secret} req-2`);
    await expect(waiting).resolves.toBe(true);
    await expect(marks.arrived('req-2', 5_000)).resolves.toBe(true);
    await expect(marks.arrived('req-3', 20)).resolves.toBe(false);
  });
});
