import { expect, type Locator, type Page } from '@playwright/test';

/** The function.json form. */
export class ConfigFormPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get form(): Locator {
    return this.page.getByTestId('config-form');
  }

  get memory(): Locator {
    return this.page.getByTestId('cfg-memory');
  }

  get timeout(): Locator {
    return this.page.getByTestId('cfg-timeout');
  }

  get durable(): Locator {
    return this.page.getByTestId('cfg-durable');
  }

  get executionTimeout(): Locator {
    return this.page.getByTestId('cfg-exec-timeout');
  }

  get retention(): Locator {
    return this.page.getByTestId('cfg-retention');
  }

  get saveButton(): Locator {
    return this.page.getByTestId('cfg-save');
  }

  get invalidBanner(): Locator {
    return this.page.getByTestId('cfg-invalid');
  }

  fieldError(field: string): Locator {
    return this.page.getByTestId(`cfg-error-${field}`);
  }

  envRows(): Locator {
    return this.page.getByTestId('cfg-env-row');
  }

  async addEnv(key: string, value: string): Promise<void> {
    const index = await this.envRows().count();
    await this.page.getByTestId('cfg-env-add').click();
    await this.page.getByTestId(`cfg-env-key-${index}`).fill(key);
    await this.page.getByTestId(`cfg-env-value-${index}`).fill(value);
  }

  async showJson(): Promise<void> {
    await this.page.getByTestId('config-view-json').click();
  }

  async showForm(): Promise<void> {
    await this.page.getByTestId('config-view-form').click();
    await expect(this.form).toBeVisible();
  }
}
