import type { VendorErrorKind } from '../contract';

/** What a provisioner learned from one failed vendor call, independent of the SDK that threw. */
export interface VendorFailure {
  /** Set when the vendor's own code decides the class better than the status does. */
  kind?: VendorErrorKind;
  /** HTTP status, absent when the request never got an answer (connection reset, timeout, DNS). */
  status?: number;
  retryAfterMs?: number;
  /** The vendor's own error code, e.g. FAILED_PRECONDITION or invalid_client. */
  vendorCode?: string;
  /** The vendor's message; scrubbed before it is used anywhere. */
  message: string;
  details?: Record<string, unknown>;
}

export type HeaderReader = (name: string) => string | null | undefined;

/** Reads retry-after-ms, x-ms-retry-after-ms and retry-after (seconds or an HTTP date). */
export function parseRetryAfter(header: HeaderReader, nowMs: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(header(name));
    if (header(name) && Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = header('retry-after');
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function headerReaderOf(headers: unknown): HeaderReader {
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    const withGet = headers as { get(name: string): string | null | undefined };
    return (name) => withGet.get(name);
  }
  if (headers && typeof headers === 'object') {
    const record = headers as Record<string, unknown>;
    return (name) => {
      const value = record[name] ?? record[name.toLowerCase()];
      return typeof value === 'string' ? value : undefined;
    };
  }
  return () => undefined;
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
