import { z } from 'zod';
import { WorkflowName } from '../workflow/schema.ts';
import { FunctionName } from '../workspace/function-config.ts';
import { method } from './define.ts';

/** An exported deployment template: the file name to save it under and its text. */
export const SamTemplateFile = z.object({
  fileName: z.literal('template.yaml'),
  /** YAML with a stable key order, so re-exporting after a small change gives a small diff. */
  text: z.string(),
});
export type SamTemplateFile = z.infer<typeof SamTemplateFile>;

/** Export to AWS SAM, so a team can deploy a function or a workflow from its own pipeline. */
export const exportMethods = {
  /**
   * An AWS SAM template for one function: the function (published as the `live` alias), its
   * execution role with the least policy it needs, and their ARNs as outputs.
   */
  'functions.exportSam': method(z.object({ name: FunctionName }).strict(), SamTemplateFile),
  /**
   * An AWS SAM template for a workflow: the workflow runner and every function its Lambda
   * blocks call, the runner allowed to invoke exactly those, and the graph in the template's
   * metadata. An invalid graph is refused with its problems, each naming its block.
   */
  'workflows.exportSam': method(z.object({ name: WorkflowName }).strict(), SamTemplateFile),
};
