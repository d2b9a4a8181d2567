import type { Locator, Page } from '@playwright/test';

/** The function page's Queue view. */
export class QueuePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('function-view-queue').click();
  }

  get view(): Locator {
    return this.page.getByTestId('queue-view');
  }

  setting(field: 'batchSize' | 'batchWindowSeconds' | 'visibilityTimeoutSeconds' | 'maxReceiveCount' | 'enabled' | 'deadLetter'): Locator {
    return this.page.getByTestId(`queue-${field}`);
  }

  get save(): Locator {
    return this.page.getByTestId('queue-save');
  }

  /** Waiting, in flight and dead letters as the view shows them. */
  async counts(): Promise<{ visible: string; inFlight: string; deadLetter: string }> {
    const read = async (id: string) => (await this.page.getByTestId(id).locator('dd').innerText()).trim();
    return { visible: await read('queue-count-visible'), inFlight: await read('queue-count-inflight'), deadLetter: await read('queue-count-dead') };
  }

  async send(body: string): Promise<void> {
    await this.page.getByTestId('queue-send-body').fill(body);
    await this.page.getByTestId('queue-send').click();
  }

  get messages(): Locator {
    return this.page.getByTestId('queue-message');
  }
}
