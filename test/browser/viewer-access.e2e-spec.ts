import { openBrowserSession, PHONE, type BrowserSession } from './support/chromium';
import { startKeygateStack, type KeygateStack } from './support/keygate-stack';
import { saveScreenshot } from './support/screenshots';
import { seedOneKey, type SeededData } from './support/seed-through-api';
import { navigationOnScreen, openPage, signInThroughForm } from './support/sign-in';

jest.setTimeout(60_000);

describe('dashboard: a viewer sees everything and can change nothing', () => {
  let stack: KeygateStack;
  let browser: BrowserSession;
  let seeded: SeededData;

  beforeAll(async () => {
    stack = await startKeygateStack();
    seeded = await seedOneKey(stack);
    browser = await openBrowserSession(stack.app.url);
    await signInThroughForm(browser.page, stack.org.users.viewer.email, stack.org.users.viewer.password);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('offers no Users and roles page in the navigation, and refuses it by address', async () => {
    const { page } = browser;
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Overview',
      'Developers',
      'Keys',
      'Vendors',
      'Audit log',
    ]);
    await page.goto('/users');
    await page.getByText('You do not have access to this page').waitFor();
  });

  it('lists developers without register, edit or deactivate controls', async () => {
    const { page } = browser;
    await openPage(page, 'Developers');
    const row = page.getByRole('row', { name: /Grace Hopper/ });
    await row.waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Register developer' }).count()).toBe(0);
  });

  it('lists keys and opens one without provision, rotate or revoke controls', async () => {
    const { page } = browser;
    await openPage(page, 'Keys');
    await page.getByRole('row', { name: /Grace Hopper/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Provision key' }).count()).toBe(0);
    await page
      .getByRole('row', { name: /Grace Hopper/ })
      .getByRole('link')
      .first()
      .click();
    await page.getByText(seeded.keyId).waitFor();
    expect(await page.getByRole('button', { name: /Revoke|Rotate/ }).count()).toBe(0);
  });

  it('shows vendor connections without add, check, edit or remove controls', async () => {
    const { page } = browser;
    await openPage(page, 'Vendors');
    const row = page.getByRole('row', { name: /OpenAI production/ });
    await row.waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add connection' }).count()).toBe(0);
  });

  it('reads and verifies the audit log', async () => {
    const { page } = browser;
    await openPage(page, 'Audit log');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('Audit chain intact').waitFor();
    expect(browser.pageErrors).toEqual([]);
  });

  it('pages through long lists with keyset cursors', async () => {
    const { page } = browser;
    for (let index = 0; index < 55; index += 1) {
      const created = await stack.app.http.post(
        '/api/v1/developers',
        { name: `Intern ${index}`, email: `intern${index}@acme.test`, team: 'interns' },
        { token: stack.org.users.owner.token },
      );
      expect(created.status).toBe(201);
    }
    await page.goto('/developers'); // a fresh load: the cached first page predates the new developers
    const developerRows = page.getByRole('table', { name: 'Developers' }).locator('tbody tr');
    await developerRows.nth(49).waitFor();
    expect(await developerRows.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await developerRows.nth(55).waitFor();
    expect(await developerRows.count()).toBe(56);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    await openPage(page, 'Audit log');
    const eventRows = page
      .getByRole('table', { name: 'Audit events' })
      .getByRole('button', { name: /^Details of/ });
    await eventRows.nth(49).waitFor();
    expect(await eventRows.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await eventRows.nth(50).waitFor();
    const seqs = await page
      .getByRole('table', { name: 'Audit events' })
      .locator('tbody tr td:first-child')
      .allTextContents();
    const numbers = seqs.filter((text) => text.startsWith('#')).map((text) => Number(text.slice(1)));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });

  describe('on a 390 px wide phone', () => {
    let phone: BrowserSession;

    beforeAll(async () => {
      phone = await openBrowserSession(stack.app.url, PHONE);
      await signInThroughForm(phone.page, stack.org.users.viewer.email, stack.org.users.viewer.password);
    });

    afterAll(async () => {
      await phone?.close();
    });

    it('hides the navigation behind a menu button and keeps pages within the screen width', async () => {
      const { page } = phone;
      expect(await navigationOnScreen(page)).toBe(false);
      expect(await page.getByRole('button', { name: 'Toggle navigation' }).isVisible()).toBe(true);
      await saveScreenshot(page, 'phone-overview');
      for (const [label, name] of [
        ['Keys', 'phone-keys'],
        ['Audit log', 'phone-audit'],
      ] as const) {
        await openPage(page, label);
        await page.getByRole('heading', { name: label }).waitFor();
        const overflow = await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        );
        expect(overflow).toBeLessThanOrEqual(390);
        await saveScreenshot(page, name);
      }
    });
  });
});
