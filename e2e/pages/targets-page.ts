import { expect, type Locator, type Page } from '@playwright/test';

export interface TargetFields {
  name: string;
  profile: string;
  region: string;
  endpoint?: string;
}

/** Where role a deploy uses: the function's current one, a new one, one of the account's, or an ARN. */
export type DeployRoleChoice = { kind: 'keep' } | { kind: 'create' } | { kind: 'existing'; name: string } | { kind: 'paste'; arn: string };

/** AWS targets: Settings > Targets, the status bar's target selector, and Deploy in a function's header. */
export class TargetsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get section(): Locator {
    return this.page.getByTestId('settings-targets');
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="target-row"][data-target="${id}"]`);
  }

  /** The status bar's target button; `data-target` holds the current target's id. */
  get statusTarget(): Locator {
    return this.page.getByTestId('status-target');
  }

  /** The "on <target>" chips of the lists on screen. */
  get chips(): Locator {
    return this.page.getByTestId('target-chip');
  }

  async openSettings(): Promise<void> {
    await this.page.getByTestId('activity-settings').click();
    await expect(this.section).toBeVisible();
  }

  /** Adds an AWS target from Settings; the studio tests a new target at once. */
  async add(fields: TargetFields): Promise<void> {
    await this.openSettings();
    await this.section.getByTestId('target-add').click();
    const form = this.section.getByTestId('target-form');
    await form.getByTestId('target-name').fill(fields.name);
    await form.getByTestId('target-profile').fill(fields.profile);
    await form.getByTestId('target-region').fill(fields.region);
    await form.getByTestId('target-endpoint').fill(fields.endpoint ?? '');
    await form.getByTestId('target-save').click();
    await expect(form).toBeHidden();
    await expect(this.row(fields.name)).toBeVisible();
  }

  /** Tests a target's connection and returns the result box (`data-ok` says how it went). */
  async test(id: string): Promise<Locator> {
    await this.openSettings();
    await this.row(id).getByTestId('target-test').click();
    const result = this.row(id).getByTestId('target-test-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    return result;
  }

  async remove(id: string): Promise<void> {
    await this.openSettings();
    await this.row(id).getByTestId('target-remove').click();
    await this.row(id).getByTestId('target-remove-confirm').click();
    await expect(this.row(id)).toBeHidden();
  }

  /** Chooses the target in the status bar; every list then shows that target. */
  async select(id: string): Promise<void> {
    await this.statusTarget.click();
    await this.page.getByTestId(`target-option-${id}`).click();
    await expect(this.statusTarget).toHaveAttribute('data-target', id);
  }

  get deployButton(): Locator {
    return this.page.getByTestId('deploy');
  }

  get deployDialog(): Locator {
    return this.page.getByTestId('deploy-dialog');
  }

  /** The steps of the running or last deploy; `data-state` is running, done or failed. */
  get deploySteps(): Locator {
    return this.deployDialog.getByTestId('deploy-steps');
  }

  /** One target's line under "Deployed" in the deploy dialog. */
  deployedRow(target: string): Locator {
    return this.deployDialog.locator(`[data-testid="deployed-row"][data-target="${target}"]`);
  }

  /** Deploys the function open in the editor to the current target and waits for the outcome. */
  async deployOpenFunction(role: DeployRoleChoice = { kind: 'create' }): Promise<'done' | 'failed'> {
    await expect(this.deployButton).toBeEnabled();
    await this.deployButton.click();
    await expect(this.deployDialog).toBeVisible();
    const picker = this.deployDialog.getByTestId('deploy-role');
    await picker.getByTestId(`deploy-role-${role.kind}`).check();
    if (role.kind === 'existing') await picker.getByTestId('deploy-role-select').selectOption({ label: role.name });
    if (role.kind === 'paste') await picker.getByTestId('deploy-role-arn').fill(role.arn);
    await this.deployDialog.getByTestId('deploy-confirm').click();
    await expect(this.deploySteps).toBeVisible();
    await expect(this.deploySteps).not.toHaveAttribute('data-state', 'running', { timeout: 90_000 });
    return (await this.deploySteps.getAttribute('data-state')) === 'done' ? 'done' : 'failed';
  }

  async closeDeploy(): Promise<void> {
    await this.deployDialog.getByTestId('deploy-close').click();
    await expect(this.deployDialog).toBeHidden();
  }
}
