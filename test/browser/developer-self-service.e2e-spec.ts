import { recordSecret } from '@keygate/testing';
import { openBrowserSession, type BrowserSession } from './support/chromium';
import { startKeygateStack, type KeygateStack } from './support/keygate-stack';
import { callOpenAi } from './support/openai-inference';
import { saveScreenshot } from './support/screenshots';
import { seedOneKey } from './support/seed-through-api';
import { openPage, signInThroughForm } from './support/sign-in';

jest.setTimeout(60_000);

describe('dashboard: a developer requests and manages only their own keys', () => {
  let stack: KeygateStack;
  let browser: BrowserSession;
  const login = { email: 'lin@acme.test', password: 'a long developer password' };

  beforeAll(async () => {
    stack = await startKeygateStack();
    await seedOneKey(stack); // someone else's key, which this developer must not see
    const { http } = stack.app;
    const token = stack.org.users.owner.token;
    const developer = await http.post<{ id: string }>(
      '/api/v1/developers',
      { name: 'Lin Developer', email: login.email, team: 'mobile' },
      { token },
    );
    recordSecret(login.password);
    const user = await http.post(
      '/api/v1/users',
      { ...login, name: 'Lin Developer', role: 'developer', developer_id: developer.body.id },
      { token },
    );
    if (user.status !== 201) throw new Error(`user: ${user.status} ${user.text}`);
    browser = await openBrowserSession(stack.app.url);
    await signInThroughForm(browser.page, login.email, login.password);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows only the pages a developer may use', async () => {
    const nav = browser.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Overview', 'Keys', 'Vendors']);
  });

  it('provisions a key for themselves, sees it once, and sees no one else’s keys', async () => {
    const { page } = browser;
    await openPage(page, 'Keys');
    await page.getByText('No keys yet').waitFor();
    await page.getByRole('button', { name: 'Provision key' }).click();
    const wizard = page.getByRole('dialog');
    await wizard.getByText('The key will be issued to you').waitFor();
    await wizard.getByRole('button', { name: 'Continue' }).click();
    await wizard.getByRole('radiogroup', { name: 'Vendor' }).getByText('OpenAI', { exact: true }).click();
    await wizard.getByRole('radio', { name: 'OpenAI production' }).waitFor();
    await wizard.getByRole('button', { name: 'Continue' }).click();
    await wizard.getByRole('button', { name: 'Continue' }).click();
    await wizard.getByRole('button', { name: 'Provision key' }).click();
    const reveal = page.getByRole('dialog');
    await reveal.getByText('You will not see this key again').waitFor();
    const secret = (await reveal.locator('pre').first().textContent())?.trim() ?? '';
    recordSecret(secret);
    expect(await callOpenAi(stack.sim.urls.openai, secret)).toBe(200);
    await reveal.getByLabel('I have stored this key somewhere safe').check();
    await reveal.getByRole('button', { name: 'Done, hide the key' }).click();

    const rows = page.getByRole('table', { name: 'Keys' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('You');
    await saveScreenshot(page, 'developer-own-keys');
  });
});
