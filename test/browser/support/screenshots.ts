import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Saves docs/screenshots/<name>.png once the page has settled; `mask` paints over secrets. */
export async function saveScreenshot(page: Page, name: string, mask: Locator[] = []): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    mask,
  });
}
