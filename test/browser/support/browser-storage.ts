import type { BrowserSession } from './chromium';

export interface BrowserTraces {
  localStorage: string;
  sessionStorage: string;
  indexedDbNames: string;
  cacheStorageNames: string;
  cookies: string;
  urls: string;
  history: string;
}

interface StorageGlobals {
  localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
  sessionStorage: StorageGlobals['localStorage'];
  indexedDB: { databases(): Promise<{ name?: string }[]> };
  caches: { keys(): Promise<string[]> };
  location: { href: string };
  history: { length: number };
}

/** Everything a script or the person at the browser can read back after the tests. */
export async function collectBrowserTraces(session: BrowserSession): Promise<BrowserTraces> {
  const inPage = await session.page.evaluate(async () => {
    const g = globalThis as unknown as StorageGlobals;
    const dump = (storage: StorageGlobals['localStorage']) => {
      const entries: string[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i) ?? '';
        entries.push(`${key}=${storage.getItem(key) ?? ''}`);
      }
      return entries.join('\n');
    };
    const databases = await g.indexedDB.databases();
    return {
      localStorage: dump(g.localStorage),
      sessionStorage: dump(g.sessionStorage),
      indexedDbNames: databases.map((db) => db.name ?? '').join('\n'),
      cacheStorageNames: (await g.caches.keys()).join('\n'),
      history: `${g.location.href} (${g.history.length} entries)`,
    };
  });
  const cookies = await session.context.cookies();
  return {
    ...inPage,
    cookies: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('\n'),
    urls: session.visitedUrls.join('\n'),
  };
}
