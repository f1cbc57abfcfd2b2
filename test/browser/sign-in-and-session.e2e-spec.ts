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

  it('refreshes an access token the API rejects and replays the request, without the person noticing', async () => {
    const { page } = browser;
    let rejected = 0;
    await page.route('**/api/v1/keys?**', async (route) => {
      if (rejected > 0) return route.fallback();
      rejected += 1;
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: '{"statusCode":401,"code":"token_expired","message":"expired"}',
      });
    });
    const refreshed = page.waitForRequest((request) => request.url().endsWith('/api/v1/auth/refresh'));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Keys', exact: true })
      .click();
    await refreshed;
    await page.getByText('No keys yet').waitFor();
    expect(rejected).toBe(1);
    await page.unroute('**/api/v1/keys?**');
  });

  it('sends the person to sign in, saying the session ended, when the refresh is refused too', async () => {
    const { page } = browser;
    await page.route('**/api/v1/auth/refresh', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: '{"statusCode":401,"code":"refresh_token_invalid","message":"no"}',
      }),
    );
    await page.route('**/api/v1/developers?**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: '{"statusCode":401,"code":"token_expired","message":"expired"}',
      }),
    );
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Developers', exact: true })
      .click();
    await page.getByText('Your session ended').waitFor();
    expect(new URL(page.url()).searchParams.get('reason')).toBe('expired');
    await page.unroute('**/api/v1/auth/refresh');
    await page.unroute('**/api/v1/developers?**');
    // The real cookie was never refused: a fresh load restores the session.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
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
