import { expect, type Locator, type Page } from '@playwright/test';

/** The Executions area: list, detail with its step timeline and inspector, history, approvals. */
export class ExecutionsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('activity-executions').click();
    await expect(this.page.getByTestId('executions-page')).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="execution-row"][data-name="${name}"]`);
  }

  get rows(): Locator {
    return this.page.getByTestId('execution-row');
  }

  async openExecution(name: string): Promise<void> {
    await this.row(name).click();
    await expect(this.page.getByTestId('execution-name')).toHaveText(name);
  }

  get status(): Locator {
    return this.page.getByTestId('execution-status');
  }

  get scroller(): Locator {
    return this.page.getByTestId('timeline-scroller');
  }

  /** A timeline row by operation name (and type, when names repeat across types). */
  timelineRow(name: string, type?: string): Locator {
    const typed = type === undefined ? '' : `[data-type="${type}"]`;
    return this.page.locator(`[data-testid="timeline-row"][data-name="${name}"]${typed}`);
  }

  /** The first CALLBACK row, which carries the Send result / failure / heartbeat actions while pending. */
  get callbackRow(): Locator {
    return this.page.locator('[data-testid="timeline-row"][data-type="CALLBACK"]').first();
  }

  async sendSuccess(json: string): Promise<void> {
    await this.callbackRow.getByTestId('send-success').click();
    const dialog = this.page.getByTestId('callback-answer-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('answer-kind-result')).toHaveAttribute('aria-pressed', 'true');
    await dialog.getByTestId('callback-result').fill(json);
    await expect(dialog.getByTestId('callback-answer-send')).toBeEnabled();
    await dialog.getByTestId('callback-answer-send').click();
    await expect(dialog).toBeHidden();
  }

  async sendFailure(type: string, message: string, data = ''): Promise<void> {
    await this.callbackRow.getByTestId('send-failure').click();
    const dialog = this.page.getByTestId('callback-answer-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('answer-kind-failure')).toHaveAttribute('aria-pressed', 'true');
    await dialog.getByTestId('callback-error-type').fill(type);
    await dialog.getByTestId('callback-error-message').fill(message);
    if (data !== '') await dialog.getByTestId('callback-error-data').fill(data);
    await dialog.getByTestId('callback-answer-send').click();
    await expect(dialog).toBeHidden();
  }

  get inspector(): Locator {
    return this.page.getByTestId('inspector');
  }

  async back(): Promise<void> {
    await this.page.getByTestId('execution-back').click();
    await expect(this.page.getByTestId('execution-list')).toBeVisible();
  }

  async openHistoryTab(): Promise<void> {
    await this.page.getByTestId('tab-history').click();
    await expect(this.page.getByTestId('history')).toBeVisible();
  }
}

/** The approvals inbox. */
export class ApprovalsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('activity-approvals').click();
    await expect(this.page.getByTestId('approvals-page')).toBeVisible();
  }

  get badge(): Locator {
    return this.page.getByTestId('approvals-badge');
  }

  get rows(): Locator {
    return this.page.getByTestId('approval-row');
  }

  row(executionName: string): Locator {
    return this.page.locator(`[data-testid="approval-row"][data-execution="${executionName}"]`);
  }
}
