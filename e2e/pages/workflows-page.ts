import { expect, type Locator, type Page } from '@playwright/test';

export type BlockType = 'input' | 'lambda' | 'transform' | 'condition' | 'parallel' | 'map' | 'wait' | 'approval' | 'output';
export type BlockStatus = 'idle' | 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped';

/** The Workflows area: side list and dialogs, canvas, palette, inspector, runs on the canvas, approvals. */
export class WorkflowsPage {
  readonly page: Page;
  readonly emptyState: Locator;
  readonly rows: Locator;
  readonly nameDialog: Locator;
  readonly nameHint: Locator;
  readonly canvas: Locator;
  readonly blocks: Locator;
  /** Saved, saving, pending or failed; edits save by themselves shortly after they are made. */
  readonly saveState: Locator;
  readonly brokenFile: Locator;
  readonly fileError: Locator;
  readonly inspector: Locator;
  readonly problemRows: Locator;
  readonly problemsEmpty: Locator;
  readonly runEventDialog: Locator;
  /** What is wrong with the event's JSON (line and column) or, when it is fine, a hint. */
  readonly runEventHint: Locator;
  /** Why the host refused to start a run (its problems fold under "Details"). */
  readonly runError: Locator;
  readonly runBanner: Locator;
  /** The run's status badge; `data-tone` holds running / succeeded / failed / pending / stopped. */
  readonly runStatus: Locator;

  constructor(page: Page) {
    this.page = page;
    this.emptyState = page.getByTestId('workflows-empty');
    this.rows = page.getByTestId('workflow-row');
    this.nameDialog = page.getByTestId('workflow-name-dialog');
    this.nameHint = page.getByTestId('workflow-name-hint');
    this.canvas = page.getByTestId('workflow-canvas');
    this.blocks = page.getByTestId('wf-block');
    this.saveState = page.getByTestId('workflow-save-state');
    this.brokenFile = page.getByTestId('workflow-broken');
    this.fileError = page.getByTestId('workflow-file-error');
    this.inspector = page.getByTestId('workflow-inspector');
    this.problemRows = page.getByTestId('problem-row');
    this.problemsEmpty = page.getByTestId('problems-empty');
    this.runEventDialog = page.getByTestId('run-event-dialog');
    this.runEventHint = page.getByTestId('run-event-hint');
    this.runError = page.getByTestId('workflow-run-error');
    this.runBanner = page.getByTestId('run-banner');
    this.runStatus = page.getByTestId('run-status');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('activity-workflows').click();
    await expect(this.page.getByTestId('workflows-page')).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="workflow-row"][data-name="${name}"]`);
  }

  /** New workflow → name → Create; returns once its canvas is open. */
  async create(name: string): Promise<void> {
    await this.page.getByTestId('new-workflow').click();
    await this.fillName(name);
    await this.expectOpen(name);
  }

  async openWorkflow(name: string): Promise<void> {
    await this.page.getByTestId(`workflow-open-${name}`).click();
    await this.expectOpen(name);
  }

  expectOpen = (name: string): Promise<void> => expect(this.page.getByTestId('workflow-name')).toHaveText(name);

  async rename(from: string, to: string): Promise<void> {
    await this.rowAction(from, 'workflow-rename');
    await this.fillName(to);
  }

  async duplicate(from: string, to: string): Promise<void> {
    await this.rowAction(from, 'workflow-duplicate');
    await this.fillName(to);
    await this.expectOpen(to);
  }

  async delete(name: string): Promise<void> {
    await this.rowAction(name, 'workflow-delete');
    await this.page.getByTestId('workflow-delete-confirm').click();
    await expect(this.page.getByTestId('workflow-delete-dialog')).toBeHidden();
    await expect(this.row(name)).toHaveCount(0);
  }

  private async rowAction(name: string, item: string): Promise<void> {
    await this.row(name).hover();
    await this.page.getByTestId(`workflow-menu-${name}`).click();
    await this.page.getByTestId(item).click();
  }

  private async fillName(name: string): Promise<void> {
    await expect(this.nameDialog).toBeVisible();
    await this.page.getByTestId('workflow-name-input').fill(name);
    await this.page.getByTestId('workflow-name-confirm').click();
    await expect(this.nameDialog).toBeHidden();
  }

  /** A block on the canvas by name; `data-type` and `data-status` say what it is and how it stands. */
  block(name: string): Locator {
    return this.page.locator(`[data-testid="wf-block"][data-block="${name}"]`);
  }

  /** The red badge of a block's validation problems (its aria-label holds the reasons). */
  problemBadge(name: string): Locator {
    return this.block(name).getByTestId('block-problems');
  }

  expectStatus = (name: string, status: BlockStatus): Promise<void> => expect(this.block(name)).toHaveAttribute('data-status', status);

  /** Drags a block type from the palette to a point on the canvas (relative to its top left). */
  async dropBlock(type: BlockType, at: { x: number; y: number }): Promise<void> {
    await this.page.getByTestId(`palette-${type}`).dragTo(this.canvas, { targetPosition: at });
  }

  /** Adds a block in the middle of the view, as a click on the palette does. */
  async addBlock(type: BlockType): Promise<void> {
    await this.page.getByTestId(`palette-${type}`).click();
  }

  async select(name: string): Promise<void> {
    await this.block(name).click();
    await expect(this.page.getByTestId('inspector-block')).toHaveAttribute('data-block', name);
  }

  /**
   * Draws an edge from a block's output port (a Condition's branch port when `branch` is given)
   * to another block's input port.
   */
  async connect(from: string, to: string, branch?: string): Promise<void> {
    const source = branch === undefined ? this.block(from).locator('.react-flow__handle.source') : this.block(from).locator(`[data-testid="condition-branch"][data-branch="${branch}"] .react-flow__handle`);
    await source.dragTo(this.block(to).locator('.react-flow__handle.target'));
  }

  /** The edge between two blocks, as React Flow draws it (named "Edge from a to b"). */
  edge(from: string, to: string): Locator {
    return this.canvas.locator(`.react-flow__edge[aria-label="Edge from ${from} to ${to}"]`);
  }

  /** A toolbar button: undo, redo, layout, fit, export, run, runs. */
  toolbar(button: 'undo' | 'redo' | 'layout' | 'fit' | 'export' | 'run' | 'runs'): Locator {
    return this.page.getByTestId(`workflow-${button}`);
  }

  /** Auto-layout, then waits for the view to stop moving (it fits the new layout, animated). */
  async autoLayout(): Promise<void> {
    await this.page.getByTestId('workflow-layout').click();
    await this.settle();
  }

  /** Waits until the canvas's pan and zoom hold still, so drags land where they aim. */
  async settle(): Promise<void> {
    const viewport = this.canvas.locator('.react-flow__viewport');
    let last = '';
    await expect
      .poll(async () => {
        const now = await viewport.evaluate((el) => getComputedStyle(el).transform);
        const still = now === last;
        last = now;
        return still;
      }, { intervals: [150] })
      .toBe(true);
  }

  expectSaved = (): Promise<void> => expect(this.saveState).toHaveAttribute('data-state', 'saved');

  /** Ctrl/Cmd+S on the page. */
  async saveNow(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+s');
    await this.expectSaved();
  }

  /** An inspector field by its test id without the `inspector-` prefix, e.g. `name`, `function`, `expression`. */
  field(id: string): Locator {
    return this.page.getByTestId(`inspector-${id}`);
  }

  /** Types into a field and leaves it, which writes the value into the graph. */
  async setField(id: string, value: string): Promise<void> {
    await this.field(id).fill(value);
    await this.field(id).press('Tab');
  }

  async renameBlock(from: string, to: string): Promise<void> {
    await this.select(from);
    await this.field('name').fill(to);
    await this.field('name').press('Enter');
    await expect(this.block(to)).toBeVisible();
  }

  pickFunction = async (name: string): Promise<void> => {
    await this.field('function').selectOption(name);
  };

  /** Run with the Input block's sample; resolves once the run is drawn on the canvas. */
  async run(): Promise<void> {
    await this.page.getByTestId('workflow-run').click();
    await expect(this.runBanner).toBeVisible();
  }

  /** Run with event… → JSON → Run. Leaves the dialog open when the JSON or the run is refused. */
  async runWithEvent(json: string): Promise<void> {
    await this.openRunWithEvent();
    await this.page.getByTestId('run-event-text').fill(json);
    await this.page.getByTestId('run-event-start').click();
  }

  async openRunWithEvent(): Promise<void> {
    await this.page.getByTestId('workflow-run-more').click();
    await this.page.getByTestId('workflow-run-with-event').click();
    await expect(this.runEventDialog).toBeVisible();
  }

  async expectRunFinished(label: 'Succeeded' | 'Failed' | 'Stopped' | 'Timed out' = 'Succeeded'): Promise<void> {
    await expect(this.runStatus).toHaveText(label, { timeout: 60_000 });
  }

  /** The Runs menu's rows (`data-name`, `data-status`); opening one draws it on the canvas. */
  async openRun(executionName?: string): Promise<void> {
    await this.page.getByTestId('workflow-runs').click();
    const items = this.page.getByTestId('workflow-run-item');
    await expect(items.first()).toBeVisible();
    await (executionName === undefined ? items.first() : this.page.locator(`[data-testid="workflow-run-item"][data-name="${executionName}"]`)).click();
    await expect(this.runBanner).toBeVisible();
  }

  async closeRun(): Promise<void> {
    await this.page.getByTestId('run-close').click();
    await expect(this.runBanner).toBeHidden();
  }

  async openRunInExecutions(): Promise<void> {
    await this.page.getByTestId('run-open-execution').click();
    await expect(this.page.getByTestId('executions-page')).toBeVisible();
  }

  /** What passed through a block in the run (input, output, error), shown while the pointer is over it. */
  async peek(name: string): Promise<Locator> {
    await this.block(name).hover();
    const peek = this.page.getByTestId('block-peek');
    await expect(peek).toBeVisible();
    return peek;
  }

  /** The inspector's "In this run" tab for a block: its input, output or error in full. */
  async showRunDetails(name: string): Promise<Locator> {
    await this.select(name);
    await this.page.getByTestId('inspector-tab-run').click();
    return this.page.getByTestId('inspector-run');
  }

  approveButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Approve ${name}` });
  }

  rejectButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Reject ${name}` });
  }

  /** Approve on a waiting Approval block, with this JSON as the answer. */
  async approve(name: string, json = '{"approved": true}'): Promise<void> {
    await expect(this.approveButton(name)).toBeEnabled({ timeout: 60_000 });
    await this.approveButton(name).click();
    const dialog = this.page.getByTestId('callback-success-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('callback-result').fill(json);
    await dialog.getByTestId('callback-success-send').click();
    await expect(dialog).toBeHidden();
  }

  /** Reject on a waiting Approval block, with an error type and a reason. */
  async reject(name: string, message: string, type = 'Rejected'): Promise<void> {
    await expect(this.rejectButton(name)).toBeEnabled({ timeout: 60_000 });
    await this.rejectButton(name).click();
    const dialog = this.page.getByTestId('callback-failure-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('callback-error-type').fill(type);
    await dialog.getByTestId('callback-error-message').fill(message);
    await dialog.getByTestId('callback-failure-send').click();
    await expect(dialog).toBeHidden();
  }

  /** Export as code; returns the generated code's locator with the dialog open. */
  async exportCode(): Promise<Locator> {
    await this.page.getByTestId('workflow-export').click();
    const code = this.page.getByTestId('export-code');
    await expect(code).toBeVisible();
    return code;
  }
}
