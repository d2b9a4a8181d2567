import { ChildContextError, DurableOperationError, InvokeError, OperationType, StepError } from '@aws/durable-execution-sdk-js';
import { describe, expect, it } from 'vitest';
import { WorkflowBlockError } from '../../../shared/workflow/interpret.ts';
import { blockError, errorDataOf, errorTypeOf } from '../../../resources/workflow-runner/flow-errors.ts';
import { OperationLog } from '../../../resources/workflow-runner/operation-log.ts';

/**
 * How the runner reads error types back out of the SDK's errors and out of the operation
 * state it sees on the wire; the real-engine suites cover the same through whole runs.
 */
describe('errorTypeOf', () => {
  it('finds the type the SDK keeps as the innermost cause', () => {
    expect(errorTypeOf(DurableOperationError.fromErrorObject({ ErrorType: 'Declined', ErrorMessage: 'no' }))).toBe('Declined');
    const item = DurableOperationError.fromErrorObject({ ErrorType: 'Boom', ErrorMessage: 'broke' });
    expect(errorTypeOf(new ChildContextError(item.message, item))).toBe('Boom');
    const cause = Object.assign(new Error('bad'), { name: 'WorkflowExpressionError' });
    expect(errorTypeOf(new StepError('bad', cause))).toBe('WorkflowExpressionError');
  });

  it('falls back to the SDK type when the cause is one the SDK made up', () => {
    expect(errorTypeOf(new InvokeError('failed', new Error('failed')))).toBe('InvokeError');
    expect(errorTypeOf(Object.assign(new Error('x'), { name: 'TypeError' }))).toBe('TypeError');
    expect(errorTypeOf('not an error')).toBe('Error');
  });
});

describe('errorDataOf and blockError', () => {
  it('reads error data back from JSON, keeping text that is not JSON', () => {
    expect(errorDataOf(new InvokeError('m', undefined, '{"code":7}'))).toEqual({ code: 7 });
    expect(errorDataOf(new InvokeError('m', undefined, 'plain'))).toBe('plain');
    expect(errorDataOf(new Error('m'))).toBeUndefined();
  });

  it('names the block once', () => {
    const error = blockError('charge', new InvokeError('card refused'), 'Declined');
    expect(error).toBeInstanceOf(WorkflowBlockError);
    expect([error.name, error.message, error.blockId]).toEqual(['Declined', 'Block "charge": card refused', 'charge']);
    expect(blockError('charge', new StepError('Block "charge" (input): bad')).message).toBe('Block "charge" (input): bad');
  });
});

describe('OperationLog', () => {
  const failedInvoke = (id: string, parent: string, type: string) => ({ Id: id, ParentId: parent, Name: 'pay', Type: OperationType.CHAINED_INVOKE, ChainedInvokeDetails: { Error: { ErrorType: type } } });

  it('finds a failed invoke by the names of the operations around it', () => {
    const log = new OperationLog();
    log.observe([
      { Id: 'm', Name: 'each', Type: OperationType.CONTEXT },
      { Id: 'i2', ParentId: 'm', Name: 'each[2]', Type: OperationType.CONTEXT },
      { Id: 'i3', ParentId: 'm', Name: 'each[3]', Type: OperationType.CONTEXT },
      failedInvoke('v2', 'i2', 'Timeout'),
      failedInvoke('v3', 'i3', 'Declined'),
    ]);
    expect(log.failureType(['each', 'each[3]', 'pay'], OperationType.CHAINED_INVOKE)).toBe('Declined');
    expect(log.failureType(['each', 'each[2]', 'pay'], OperationType.CHAINED_INVOKE)).toBe('Timeout');
    expect(log.failureType(['pay'], OperationType.CHAINED_INVOKE)).toBeUndefined();
    log.reset();
    expect(log.failureType(['each', 'each[3]', 'pay'], OperationType.CHAINED_INVOKE)).toBeUndefined();
  });

  it('puts together what a checkpoint sends and what comes back', () => {
    const log = new OperationLog();
    log.observe([{ Id: 'a', Name: 'approve', Type: OperationType.CONTEXT }, { Id: 'c', ParentId: 'a', Type: OperationType.CALLBACK }]);
    log.observe([{ Id: 'c', CallbackDetails: { Error: { ErrorType: 'Rejected', ErrorMessage: 'no' } } }]);
    expect(log.failureType(['approve'], OperationType.CALLBACK)).toBe('Rejected');
  });
});
