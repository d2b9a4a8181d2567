import { expect, type Locator, type Page } from '@playwright/test';

/** The open function: file tabs, the Monaco editor and the Problems panel. */
export class EditorPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  tab(file: string): Locator {
    return this.page.getByTestId(`tab-${file}`);
  }

  get monaco(): Locator {
    return this.page.getByTestId('code-editor').locator('.monaco-editor');
  }

  get problemRows(): Locator {
    return this.page.getByTestId('problem-row');
  }

  get problemsEmpty(): Locator {
    return this.page.getByTestId('problems-empty');
  }

  async openFile(file: string): Promise<void> {
    await this.tab(file).click();
    await expect(this.tab(file)).toHaveAttribute('aria-selected', 'true');
  }

  /** Focuses the editor text at the end of the file. */
  async focusEnd(): Promise<void> {
    await this.monaco.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+End');
  }

  /** Types text as one input (Playwright's per-key typing drops spaces in Monaco). */
  async insertText(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }

  /** Replaces the text of the cursor's line (the editor must have focus). */
  async replaceCurrentLine(text: string): Promise<void> {
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('Shift+End');
    await this.page.keyboard.insertText(text);
  }

  /** Empties the cursor's line, keeping the line itself. */
  async clearCurrentLine(): Promise<void> {
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('Shift+End');
    await this.page.keyboard.press('Backspace');
  }

  /** Monaco's completion list, once it is open. */
  get suggestions(): Locator {
    return this.monaco.locator('.suggest-widget');
  }

  async triggerSuggest(): Promise<void> {
    await this.page.keyboard.press('Control+Space');
  }

  async saveWithShortcut(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+S');
  }

  async expectDirty(file: string, dirty: boolean): Promise<void> {
    await expect(this.tab(file)).toHaveAttribute('data-dirty', String(dirty));
  }

  /** The line the cursor is on, as the status bar shows it. */
  async cursorLineNumber(): Promise<number> {
    const text = (await this.page.getByTestId('status-cursor').textContent()) ?? '';
    return Number(/Ln (\d+)/.exec(text)?.[1]);
  }
}
