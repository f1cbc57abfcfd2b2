import { readFile } from 'node:fs/promises';
import { recordSecret } from '@keygate/testing';
import { collectBrowserTraces } from './support/browser-storage';
import { heapContains } from './support/heap-search';
import { openBrowserSession, type BrowserSession } from './support/chromium';
import { startKeygateStack, type KeygateStack } from './support/keygate-stack';
import { callOpenAi, expectEventually } from './support/openai-inference';
import { provisionAnthropicThroughApi, provisionThroughApi } from './support/seed-through-api';
import { saveScreenshot } from './support/screenshots';
import { chooseOption, openPage, signInThroughForm } from './support/sign-in';

jest.setTimeout(60_000);

// One journey, in order, in a real chromium against the real API, database and vendor simulator.
describe('dashboard: an owner issues, uses and revokes an OpenAI key in the browser', () => {
  let stack: KeygateStack;
  let browser: BrowserSession;
  let apiKey = '';
  let rotatedKey = '';
  const developer = { name: 'Ada Lovelace', email: 'ada@acme.test', team: 'platform' };

  beforeAll(async () => {
    stack = await startKeygateStack();
    browser = await openBrowserSession(stack.app.url);
  }, 180_000);

  afterAll(async () => {
    if (browser?.pageErrors.length) console.log(browser.pageErrors.join('\n'));
    await browser?.close();
    await stack?.close();
  });

  it('says a wrong password is wrong, and signs in with the right one', async () => {
    const { page } = browser;
    const owner = stack.org.users.owner;
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong email or password');
    await saveScreenshot(page, 'sign-in-error');

    await signInThroughForm(page, owner.email, owner.password);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await saveScreenshot(page, 'overview-empty');
  });

  it('adds the OpenAI admin connection and checks it against the vendor', async () => {
    const { page } = browser;
    await openPage(page, 'Vendors');
    await page.getByRole('button', { name: 'Add connection' }).click();
    const form = page.getByRole('dialog');
    await chooseOption(page, 'Vendor', 'OpenAI');
    await form.getByLabel('Label').fill('OpenAI production');
    await form.getByLabel('Admin API key').fill(stack.sim.credentials.openaiAdminKey);
    await form.getByRole('button', { name: 'Add connection' }).click();
    const row = page.getByRole('row', { name: /OpenAI production/ });
    await row.waitFor();
    expect(await row.textContent()).not.toContain(stack.sim.credentials.openaiAdminKey);

    await row.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'vendors');
  });

  it('registers a developer', async () => {
    const { page } = browser;
    await openPage(page, 'Developers');
    await page.getByRole('button', { name: 'Register developer' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Name').fill(developer.name);
    await form.getByLabel('Email').fill(developer.email);
    await form.getByLabel('Team').fill(developer.team);
    await form.getByRole('button', { name: 'Register developer' }).click();
    await page.getByRole('row', { name: new RegExp(developer.email) }).waitFor();
    await saveScreenshot(page, 'developers');
  });

  it('provisions an OpenAI key through the wizard and reveals it once', async () => {
    const { page } = browser;
    await openPage(page, 'Keys');
    await page.getByRole('button', { name: 'Provision key' }).click();
    await chooseOption(page, 'Developer', new RegExp(developer.name));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('radiogroup', { name: 'Vendor' }).getByText('OpenAI', { exact: true }).click();
    await page.getByRole('radio', { name: 'OpenAI production' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('enforced by vendor').first().waitFor();
    await saveScreenshot(page, 'provision-wizard-policy');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Provision key' }).last().click();

    const reveal = page.getByRole('dialog');
    await reveal.getByText('You will not see this key again').waitFor();
    apiKey = (await reveal.locator('pre').first().textContent())?.trim() ?? '';
    recordSecret(apiKey);
    expect(apiKey.length).toBeGreaterThan(20);
    await reveal.getByRole('tab', { name: '.env' }).click();
    expect(await reveal.locator('pre').nth(1).textContent()).toContain(`OPENAI_API_KEY=${apiKey}`);
    await reveal.getByRole('tab', { name: 'SDK' }).click();
    const sdk = (await reveal.locator('pre').nth(1).textContent()) ?? '';
    expect(sdk).toContain('from openai import OpenAI');
    expect(sdk).toContain(stack.sim.urls.openai);
    expect(sdk).not.toContain(apiKey);
    await saveScreenshot(page, 'key-reveal', [reveal.locator('pre')]);
  });

  it('the revealed key works against the vendor', async () => {
    expect(await callOpenAi(stack.sim.urls.openai, apiKey)).toBe(200);
  });

  it('closing the reveal takes the secret off the page for good', async () => {
    const { page } = browser;
    const reveal = page.getByRole('dialog');
    const done = reveal.getByRole('button', { name: 'Done, hide the key' });
    expect(await done.isDisabled()).toBe(true);
    await reveal.getByLabel('I have stored this key somewhere safe').check();
    await done.click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(apiKey);
    await page.getByRole('row', { name: /Ada Lovelace/ }).waitFor();
    expect(await heapContains(browser, apiKey)).toBe(false);
    await saveScreenshot(page, 'keys');
  });

  it('rotates the key: the new key is revealed once and works, the old one stops working', async () => {
    const { page } = browser;
    await page
      .getByRole('row', { name: /Ada Lovelace/ })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('button', { name: 'Rotate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate key' }).click();
    const reveal = page.getByRole('dialog');
    await reveal.getByText('You will not see this key again').waitFor();
    rotatedKey = (await reveal.locator('pre').first().textContent())?.trim() ?? '';
    recordSecret(rotatedKey);
    expect(rotatedKey).not.toBe(apiKey);
    await reveal.getByLabel('I have stored this key somewhere safe').check();
    await reveal.getByRole('button', { name: 'Done, hide the key' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await callOpenAi(stack.sim.urls.openai, rotatedKey)).toBe(200);
    await expectEventually(() => callOpenAi(stack.sim.urls.openai, apiKey), 401);
  });

  it('revokes the key after a confirmation, and the vendor answers 401', async () => {
    const { page } = browser;
    await page.getByText('active', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('Key revoked').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByText('revoked', { exact: true }).first().waitFor();
    await page.getByText('key.revoked').first().waitFor();
    await saveScreenshot(page, 'key-detail');
    expect(await callOpenAi(stack.sim.urls.openai, rotatedKey)).toBe(401);
  });

  it('identifies a leaked key by its fingerprint and links to it', async () => {
    const { page } = browser;
    await openPage(page, 'Keys');
    await page.getByRole('button', { name: 'Identify a leaked key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^API key/).fill(rotatedKey);
    await dialog.getByRole('button', { name: 'Identify' }).click();
    await dialog.getByText('This key was issued by KeyGate').waitFor();
    expect(await dialog.textContent()).toContain('Ada Lovelace');
    expect(await dialog.getByLabel(/^API key/).inputValue()).toBe('');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('shows the audit trail and verifies the hash chain', async () => {
    const { page } = browser;
    await openPage(page, 'Audit log');
    const events = page.getByRole('table', { name: 'Audit events' });
    await events
      .getByText(/^key\./)
      .first()
      .waitFor();
    const actions = await events.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.join(' ')).toMatch(/key\.[a-z_.]*revoke/);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('Audit chain intact').waitFor();
    await saveScreenshot(page, 'audit');
  });

  it('filters the audit log by action and exports the filtered events as NDJSON', async () => {
    const { page } = browser;
    await page.getByLabel('Action').fill('key.*');
    await page.waitForURL(/action=key/);
    const events = page.getByRole('table', { name: 'Audit events' });
    await events.getByText('developer.created').waitFor({ state: 'detached' });
    const actions = await events.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.filter(Boolean).every((action) => action.startsWith('key.'))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export NDJSON' }).click(),
    ]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    const exported = lines.map((line) => JSON.parse(line) as { action: string });
    expect(exported.length).toBeGreaterThan(3);
    expect(exported.every((event) => event.action.startsWith('key.'))).toBe(true);
    expect(lines.join('\n')).not.toContain(apiKey);
  });

  it('adds a user, changes their role and deactivates them', async () => {
    const { page } = browser;
    await openPage(page, 'Users and roles');
    await page.getByRole('button', { name: 'Add user' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Name').fill('Linus Auditor');
    await form.getByLabel('Email').fill('linus@acme.test');
    const password = 'correct horse battery staple';
    recordSecret(password);
    await form.getByLabel(/^Initial password/).fill(password);
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = page.getByRole('row', { name: /linus@acme\.test/ });
    await row.waitFor();
    await row.getByLabel('Role of linus@acme.test').click();
    await page.getByRole('option', { name: 'admin' }).click();
    await expectEventually(async () => {
      const users = await stack.app.http.get<{ items: { email: string; role: string }[] }>('/api/v1/users', {
        token: stack.org.users.owner.token,
      });
      return users.body.items.find((user) => user.email === 'linus@acme.test')?.role === 'admin' ? 1 : 0;
    }, 1);
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('deactivated').waitFor();
    await saveScreenshot(page, 'users');
  });

  it('deactivates a developer after listing the keys it will revoke, then shows each outcome', async () => {
    const { page } = browser;
    const liveKey = await provisionThroughApi(stack, developer.email);
    await openPage(page, 'Developers');
    await page
      .getByRole('row', { name: new RegExp(developer.email) })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('1 key(s) will be revoked').waitFor();
    await saveScreenshot(page, 'developer-deactivation');
    await dialog.getByRole('button', { name: 'Deactivate and revoke keys' }).click();
    const outcomes = dialog.getByRole('table', { name: 'Revocation outcomes' });
    await outcomes.getByText(liveKey.keyId).waitFor();
    expect(await outcomes.textContent()).toContain('revoked');
    expect(await callOpenAi(stack.sim.urls.openai, liveKey.apiKey)).toBe(401);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('shows an Anthropic key waiting for the developer, with the steps to send them', async () => {
    const { page } = browser;
    const waiting = await provisionAnthropicThroughApi(stack, 'grace@acme.test');
    await page.goto(`/keys/${waiting}`);
    await page.getByText('Waiting for the developer to create the key').waitFor();
    expect((await page.getByRole('listitem').allTextContents()).join(' ')).toContain(
      'create a key in the workspace',
    );
    await saveScreenshot(page, 'key-awaiting-developer');
  });

  it('has screenshots of the remaining pages', async () => {
    const { page } = browser;
    await openPage(page, 'Overview');
    await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
    await saveScreenshot(page, 'overview');
  });

  it('leaves the key and the admin credential in no storage, cookie or URL the browser holds', async () => {
    const traces = await collectBrowserTraces(browser);
    for (const [where, content] of Object.entries(traces) as [string, string][]) {
      expect({ where, leaksKey: content.includes(apiKey) }).toEqual({ where, leaksKey: false });
      expect({ where, leaksRotated: content.includes(rotatedKey) }).toEqual({ where, leaksRotated: false });
      expect({ where, leaksAdmin: content.includes(stack.sim.credentials.openaiAdminKey) }).toEqual({
        where,
        leaksAdmin: false,
      });
    }
    expect(traces.localStorage).toBe('');
    expect(traces.sessionStorage).toBe('');
    expect(browser.pageErrors).toEqual([]);
  });
});
