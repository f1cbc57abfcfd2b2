import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Requests a test provokes a 500 on purpose send an X-Request-Id with this prefix. */
export const EXPECTED_SERVER_ERROR_PREFIX = 'expected-5xx-';

interface CompletedRequest {
  reqId?: string;
  res?: { statusCode?: number };
  req?: { method?: string; url?: string };
}

/** Every 5xx answer the APIs under test logged, except the ones a test asked for. */
export function scanServerErrors(logDir: string): string[] {
  const found: string[] = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      if (!line.startsWith('{') || !line.includes('"statusCode":5')) continue;
      const entry = JSON.parse(line) as CompletedRequest;
      const status = entry.res?.statusCode ?? 0;
      if (status >= 500 && !entry.reqId?.startsWith(EXPECTED_SERVER_ERROR_PREFIX)) found.push(`${status} for request ${entry.reqId ?? '?'} in ${file}`);
    }
  }
  return found;
}
