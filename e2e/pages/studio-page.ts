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

  get sidePanel(): Locator {
    return this.page.getByTestId('side');
  }

  /** Drags the separator between the side list and the main area by `dx` pixels. */
  async dragSideSeparator(dx: number): Promise<void> {
    const box = await this.page.locator('.separator--vertical').boundingBox();
    if (box === null) throw new Error('the side separator is not visible');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y, { steps: 4 });
    await this.page.mouse.move(x + dx, y, { steps: 4 });
    await this.page.mouse.up();
  }

  async sideWidth(): Promise<number> {
    return (await this.sidePanel.boundingBox())?.width ?? 0;
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
      // Monaco restyles each editor with its theme's base class; then two frames see it painted.
      const base = colorScheme === 'dark' ? 'vs-dark' : 'vs';
      for (const editor of await this.page.locator('.monaco-editor').all()) await expect(editor).toHaveClass(new RegExp(`(^|\\s)${base}(\\s|$)`));
      await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`) });
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
  }
}
