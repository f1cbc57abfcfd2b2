import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); the tests never download a browser. */
export const CHROMIUM_PATH = process.env.KEYGATE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every URL the page navigated to or requested, for the "no secret in a URL" check. */
  visitedUrls: string[];
  /** Uncaught exceptions and console errors of the page: a healthy journey has none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export const DESKTOP = { width: 1280, height: 860 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** One chromium with a fresh profile: no cookie or storage leaks between sessions. */
export async function openBrowserSession(
  baseURL: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y chromium) or set KEYGATE_CHROMIUM.`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'keygate-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
    viewport,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const visitedUrls: string[] = [];
  page.on('request', (request) => visitedUrls.push(request.url()));
  page.on('framenavigated', (frame) => visitedUrls.push(frame.url()));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx as a console error; the API answers 401 to a refresh without a session by design.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
  return {
    context,
    page,
    visitedUrls,
    pageErrors,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
