import { collectBrowserTraces } from './support/browser-storage';
import { openBrowserSession, type BrowserSession } from './support/chromium';
import { startKeygateStack, type KeygateStack } from './support/keygate-stack';
import { saveScreenshot } from './support/screenshots';
import { signInThroughForm } from './support/sign-in';

jest.setTimeout(60_000);

describe('dashboard: signing in, staying signed in, signing out', () => {
  let stack: KeygateStack;
  let browser: BrowserSession;

  beforeAll(async () => {
    stack = await startKeygateStack();
    browser = await openBrowserSession(stack.app.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('says the account is locked, and until when, after repeated wrong passwords', async () => {
    const { page } = browser;
    const target = stack.org.users.developer;
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(target.email);
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await page.getByLabel(/^Password/).fill(`wrong-password-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      if ((await page.getByRole('alert').textContent())?.includes('Account locked')) break;
    }
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('Account locked');
    expect(alert).toMatch(/try again in \d+ minutes/);
    await saveScreenshot(page, 'sign-in-locked');
  });

  it('keeps the session across a reload through the refresh cookie, with no token in web storage', async () => {
    const { page } = browser;
    const admin = stack.org.users.admin;
    await signInThroughForm(page, admin.email, admin.password);
    await page.reload();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const traces = await collectBrowserTraces(browser);
    expect(traces.localStorage).toBe('');
    expect(traces.sessionStorage).toBe('');
    const cookies = await browser.context.cookies();
    expect(cookies.map((cookie) => [cookie.name, cookie.httpOnly, cookie.sameSite])).toEqual([
      ['kg_refresh', true, 'Strict'],
    ]);
  });

  it('signs out from the account menu and the session cannot come back', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goto('/keys');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/keys');
  });
});
