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
  await page.getByRole('dialog').or(page.locator('body')).last().getByLabel(label, { exact: false }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}
