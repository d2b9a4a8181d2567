import { expect, type Locator, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigFormPage } from './config-form-page.ts';
import { EditorPage } from './editor-page.ts';
import { FunctionsPage } from './functions-page.ts';

const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'screenshots');

/** The studio shell: activity bar, status bar, and the areas' page helpers. */
export class StudioPage {
  readonly page: Page;
  readonly functions: FunctionsPage;
  readonly editor: EditorPage;
  readonly configForm: ConfigFormPage;

  constructor(page: Page) {
    this.page = page;
    this.functions = new FunctionsPage(page);
    this.editor = new EditorPage(page);
    this.configForm = new ConfigFormPage(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('app')).toBeVisible();
    // The workspace path arrives with app.info: the host answered.
    await expect(this.page.getByTestId('status-workspace')).not.toContainText('connecting');
  }

  activity(view: 'functions' | 'workflows' | 'executions' | 'approvals' | 'settings'): Locator {
    return this.page.getByTestId(`activity-${view}`);
  }

  get statusErrors(): Locator {
    return this.page.getByTestId('status-errors');
  }

  get palette(): Locator {
    return this.page.getByTestId('command-palette');
  }

  get bottomPanel(): Locator {
    return this.page.getByTestId('bottom-panel');
  }

  get notices(): Locator {
    return this.page.getByTestId('notice');
  }

  /** Saves `<name>-light.png` and `<name>-dark.png` at the configured 1400×900. */
  async screenshotBothThemes(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await this.page.emulateMedia({ colorScheme });
      await expect(this.page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      // Let Monaco repaint with its theme.
      await this.page.waitForTimeout(150);
      await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`) });
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
  }
}
