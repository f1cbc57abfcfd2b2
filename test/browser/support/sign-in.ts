import type { Page } from 'playwright-core';

/** Signs in through the form, the way a person does, and waits for the app shell. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Picks an option of a Mantine Select / combobox by its label. */
export async function chooseOption(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page
    .getByRole('dialog')
    .or(page.locator('body'))
    .last()
    .getByLabel(label, { exact: false })
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Follows a link of the main navigation (opening the menu first on a phone). */
export async function openPage(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (!(await navigationOnScreen(page))) {
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await nav.getByRole('link', { name: label, exact: true }).waitFor();
  }
  await nav.getByRole('link', { name: label, exact: true }).click();
}

/** On a phone the navigation is slid off screen, not removed: compare its box with the viewport. */
export async function navigationOnScreen(page: Page): Promise<boolean> {
  const box = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  return box !== null && box.x + box.width > 0 && box.x < (page.viewportSize()?.width ?? 0);
}
