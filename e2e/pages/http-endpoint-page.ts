import type { Locator, Page } from '@playwright/test';

/** The function page's "HTTP endpoint" section and the Invoke panel's event templates. */
export class HttpEndpointPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get toggle(): Locator {
    return this.page.getByTestId('cfg-http');
  }

  get url(): Locator {
    return this.page.getByTestId('cfg-http-url');
  }

  get curl(): Locator {
    return this.page.getByTestId('cfg-http-curl');
  }

  get section(): Locator {
    return this.page.getByTestId('cfg-http-section');
  }

  /** The address in the page's curl line, as a person would copy it. */
  async curlUrl(): Promise<string> {
    const line = await this.curl.innerText();
    const match = /'(http:\/\/[^']+)'/.exec(line);
    if (match?.[1] === undefined) throw new Error(`No URL in the curl line: ${line}`);
    return match[1];
  }

  async pickTemplate(id: string): Promise<void> {
    await this.page.getByTestId('event-templates').click();
    await this.page.getByTestId(`event-template-${id}`).click();
  }
}
