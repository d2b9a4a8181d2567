import { expect, type Locator, type Page } from '@playwright/test';

/** The Invoke panel beside the editor: event editor, saved events, Invoke, and what came back. */
export class InvokePanelPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get panel(): Locator {
    return this.page.getByTestId('invoke-panel');
  }

  get eventSelect(): Locator {
    return this.page.getByTestId('event-select');
  }

  get result(): Locator {
    return this.page.getByTestId('invoke-result');
  }

  get error(): Locator {
    return this.page.getByTestId('invoke-error');
  }

  get problem(): Locator {
    return this.page.getByTestId('invoke-problem');
  }

  get report(): Locator {
    return this.page.getByTestId('invoke-report');
  }

  get logLines(): Locator {
    return this.panel.getByTestId('log-line');
  }

  get output(): Locator {
    return this.page.getByTestId('invoke-output');
  }

  /** Replaces the event editor's text. */
  async setEvent(text: string): Promise<void> {
    await this.page.getByTestId('event-editor').locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.insertText(text);
  }

  async saveEventAs(name: string): Promise<void> {
    await this.page.getByTestId('event-save-as').click();
    await this.page.getByTestId('event-name-input').fill(name);
    await this.page.getByTestId('event-name-save').click();
    await expect(this.eventSelect).toHaveValue(name);
  }

  async invoke(): Promise<void> {
    await this.page.getByTestId('invoke-run').click();
  }

  /** Invokes and waits until the result (or error) is shown. */
  async invokeAndWait(): Promise<void> {
    await this.invoke();
    await expect(this.output).toBeVisible({ timeout: 30_000 });
  }
}
