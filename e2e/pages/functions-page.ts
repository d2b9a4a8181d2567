import { expect, type Locator, type Page } from '@playwright/test';

export type TemplateId = 'node-ts' | 'node-js' | 'durable-ts' | 'workflow-block-ts' | 'python';

/** The functions list and its dialogs. */
export class FunctionsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get emptyState(): Locator {
    return this.page.getByTestId('functions-empty');
  }

  get dialog(): Locator {
    return this.page.getByTestId('new-function-dialog');
  }

  get nameInput(): Locator {
    return this.page.getByTestId('new-function-name');
  }

  get nameHint(): Locator {
    return this.page.getByTestId('new-function-name-hint');
  }

  get createButton(): Locator {
    return this.page.getByTestId('new-function-create');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="function-row"][data-name="${name}"]`);
  }

  async openNewFunctionDialog(): Promise<void> {
    await this.page.getByTestId('new-function').click();
    await expect(this.dialog).toBeVisible();
  }

  async fillNewFunction(name: string, template: TemplateId): Promise<void> {
    await this.nameInput.fill(name);
    await this.page.getByTestId(`template-${template}`).click();
  }

  /** New function → name → template → Create; returns once its editor is open. */
  async create(name: string, template: TemplateId): Promise<void> {
    await this.openNewFunctionDialog();
    await this.fillNewFunction(name, template);
    await this.createButton.click();
    await expect(this.dialog).toBeHidden();
    await expect(this.row(name)).toBeVisible();
    await expect(this.page.getByTestId('editor-function-name')).toHaveText(name);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.row(from).hover();
    await this.page.getByTestId(`function-menu-${from}`).click();
    await this.page.getByTestId('function-rename').click();
    await this.page.getByTestId('rename-input').fill(to);
    await this.page.getByTestId('rename-confirm').click();
    await expect(this.page.getByTestId('rename-dialog')).toBeHidden();
  }

  /** Opens the delete confirmation; the caller confirms or cancels. */
  async startDelete(name: string): Promise<Locator> {
    await this.row(name).hover();
    await this.page.getByTestId(`function-menu-${name}`).click();
    await this.page.getByTestId('function-delete').click();
    const dialog = this.page.getByTestId('delete-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async confirmDelete(): Promise<void> {
    await this.page.getByTestId('delete-confirm').click();
    await expect(this.page.getByTestId('delete-dialog')).toBeHidden();
  }

  async open(name: string): Promise<void> {
    await this.page.getByTestId(`function-open-${name}`).click();
    await expect(this.page.getByTestId('editor-function-name')).toHaveText(name);
  }
}
