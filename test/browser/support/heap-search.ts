import type { BrowserSession } from './chromium';

/**
 * Collects garbage in the page, takes a V8 heap snapshot through the DevTools protocol and says
 * whether `needle` still exists anywhere in the page's JavaScript memory.
 */
export async function heapContains(session: BrowserSession, needle: string): Promise<boolean> {
  const cdp = await session.context.newCDPSession(session.page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('').includes(needle);
}
