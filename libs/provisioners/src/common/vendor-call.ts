import {
  DEFAULT_RETRY_POLICY,
  VendorError,
  type DecryptedConnection,
  type RetryPolicy,
  type VendorErrorKind,
} from '../contract';
import type { SecretScrubber } from './secret-scrubber';
import type { ThrottleGate } from './throttle-gate';
import type { VendorFailure } from './vendor-failure';

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1); the jitter source. */
  random(): number;
}

export const systemClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** Everything one vendor call needs to retry, classify and scrub its failures. */
export interface VendorCallContext {
  vendor: string;
  connection: Pick<DecryptedConnection, 'id' | 'label'>;
  scrubber: SecretScrubber;
  policy: RetryPolicy;
  clock: RetryClock;
  /** The connection's shared throttle gate; absent, each call only waits out its own 429s. */
  gate?: ThrottleGate;
  describe(error: unknown): VendorFailure;
}

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> | undefined): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

/** However long the time budget, a vendor that keeps throttling is given up on after this many waits. */
const MAX_THROTTLED_WAITS = 100;

/**
 * Runs one vendor operation with KeyGate's retry policy (the SDKs' own retries are off):
 * 429, 408, 5xx and transport failures are retried with exponential backoff and jitter, honouring
 * Retry-After, within bounded attempts and total time, then become 'vendor_unavailable'. Every other
 * failure becomes a VendorError of its kind at once. Operations passed here must be safe to repeat.
 * A 429 is the vendor asking us to slow down, not failing: waiting it out does not use up an attempt,
 * only time, so bulk work under an admin rate limit queues instead of failing. It also closes the
 * connection's gate, so other calls on that connection hold back until the vendor's Retry-After.
 */
export async function callVendor<T>(ctx: VendorCallContext, operation: string, fn: () => Promise<T>): Promise<T> {
  const startedAt = ctx.clock.now();
  let last: VendorFailure | undefined;
  let failures = 0;
  let throttledWaits = 0;
  for (;;) {
    await waitForGate(ctx, startedAt);
    try {
      return await fn();
    } catch (error: unknown) {
      if (error instanceof VendorError) throw error;
      if (isProgrammingError(error)) throw scrubbedCopy(ctx, error);
      last = ctx.describe(error);
      const kind = classify(last);
      if (kind !== 'vendor_unavailable') throw toVendorError(ctx, operation, kind, last);
      const throttled = last.status === 429;
      if (throttled) {
        throttledWaits += 1;
        if (last.retryAfterMs !== undefined) ctx.gate?.closeUntil(ctx.clock.now() + last.retryAfterMs, last.retryAfterMs);
      } else failures += 1;
      if (failures >= ctx.policy.maxAttempts || throttledWaits > MAX_THROTTLED_WAITS) break;
      const delay = nextDelay(ctx, Math.max(1, throttled ? throttledWaits : failures), last);
      if (ctx.clock.now() + delay - startedAt > ctx.policy.maxTotalMs) break;
      await ctx.clock.sleep(delay);
    }
  }
  throw toVendorError(ctx, operation, 'vendor_unavailable', last ?? { message: 'no attempt was made' });
}

/**
 * Creates a vendor object that has no idempotency key of its own, as one retried unit of one call. Only after a
 * failure that may have reached the vendor (no answer, a timeout, a 5xx) does the next attempt first look for what
 * the lost attempt may have made; a 429 or a refusal reached nothing, so a retry after one creates straight away.
 * That keeps the common path to one call, however many objects the vendor holds.
 */
export function createOrFind<T>(
  ctx: VendorCallContext,
  operation: string,
  steps: { create: () => Promise<T>; find: () => Promise<T | undefined> },
): Promise<T> {
  let mayExist = false;
  return callVendor(ctx, operation, async () => {
    if (mayExist) {
      const found = await steps.find();
      if (found !== undefined) return found;
    }
    try {
      return await steps.create();
    } catch (error: unknown) {
      if (mayHaveActed(ctx, error)) mayExist = true;
      throw error;
    }
  });
}

function mayHaveActed(ctx: VendorCallContext, error: unknown): boolean {
  if (error instanceof VendorError || isProgrammingError(error)) return false;
  const failure = ctx.describe(error);
  return classify(failure) === 'vendor_unavailable' && failure.status !== 429;
}

/** Holds a call back while the connection is throttled, in its own slot so the held calls leave one by one. */
async function waitForGate(ctx: VendorCallContext, startedAt: number): Promise<void> {
  const waitMs = ctx.gate?.reserve(ctx.clock.now()) ?? 0;
  if (waitMs === 0 || ctx.clock.now() + waitMs - startedAt > ctx.policy.maxTotalMs) return;
  await ctx.clock.sleep(waitMs);
}

/** For revoke paths: an object that is already gone counts as done. */
export async function ignoreNotFound<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error: unknown) {
    if (error instanceof VendorError && error.kind === 'not_found') return undefined;
    throw error;
  }
}

/**
 * A bug on our side is not an outage: it is not retried and not dressed up as a VendorError, so it
 * surfaces as an internal error, scrubbed. (A SyntaxError is a malformed vendor body: retried.)
 */
function isProgrammingError(error: unknown): error is Error {
  if (!(error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError)) return false;
  return error.message !== 'fetch failed'; // Node's fetch reports network failures as TypeError
}

function scrubbedCopy(ctx: VendorCallContext, error: Error): Error {
  const copy = new Error(`${ctx.vendor} client error: ${ctx.scrubber.scrub(error.message)}`);
  copy.name = error.name;
  return copy;
}

export function classify(failure: VendorFailure): VendorErrorKind {
  if (failure.kind) return failure.kind;
  const status = failure.status;
  if (status === undefined || status === 408 || status === 429 || status >= 500) return 'vendor_unavailable';
  if (status === 401 || status === 403) return 'connection_rejected';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'precondition_failed';
  return 'invalid_request';
}

function nextDelay(ctx: VendorCallContext, attempt: number, failure: VendorFailure): number {
  // Never earlier than the vendor asked; up to 20% later, so callers throttled together do not return together.
  if (failure.retryAfterMs !== undefined) return Math.round(failure.retryAfterMs * (1 + 0.2 * ctx.clock.random()));
  const ceiling = Math.min(ctx.policy.maxDelayMs, ctx.policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ctx.clock.random() * ceiling) / 2);
}

function toVendorError(
  ctx: VendorCallContext,
  operation: string,
  kind: VendorErrorKind,
  failure: VendorFailure,
): VendorError {
  const vendorSays = ctx.scrubber.scrub(failure.message);
  const status = failure.status === undefined ? 'no response' : `HTTP ${failure.status}`;
  const message =
    kind === 'connection_rejected'
      ? `${ctx.vendor} rejected the admin credential of connection "${ctx.connection.label}" (${ctx.connection.id}) during ${operation} (${status}): ${vendorSays}`
      : kind === 'vendor_unavailable'
        ? `${ctx.vendor} is unavailable: ${operation} kept failing (${status}): ${vendorSays}`
        : `${ctx.vendor} ${operation} failed (${status}): ${vendorSays}`;
  const details = failure.details ? (JSON.parse(ctx.scrubber.scrub(JSON.stringify(failure.details))) as Record<string, unknown>) : undefined;
  return new VendorError({
    kind,
    vendor: ctx.vendor,
    message,
    ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    details: { operation, ...(failure.status !== undefined ? { status: failure.status } : {}), ...(failure.vendorCode ? { vendorCode: failure.vendorCode } : {}), ...details },
  });
}
