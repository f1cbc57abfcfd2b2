import { VendorError } from '../contract';
import { SecretScrubber } from './secret-scrubber';
import { ThrottleGate } from './throttle-gate';
import { callVendor, createOrFind, ignoreNotFound, type RetryClock, type VendorCallContext } from './vendor-call';
import type { VendorFailure } from './vendor-failure';

class FailureError extends Error {
  constructor(readonly failure: VendorFailure) {
    super(failure.message);
  }
}

class FakeClock implements RetryClock {
  nowMs = 1_000_000;
  readonly sleeps: number[] = [];
  now(): number {
    return this.nowMs;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.nowMs += ms;
    return Promise.resolve();
  }
  random(): number {
    return 0.5;
  }
}

const ADMIN_KEY = 'sk-admin-THISISSECRET123';

function context(clock: FakeClock, overrides: Partial<VendorCallContext['policy']> = {}): VendorCallContext {
  return {
    vendor: 'openai',
    connection: { id: 'conn_1', label: 'Prod org' },
    scrubber: new SecretScrubber([ADMIN_KEY]),
    policy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxTotalMs: 10_000, ...overrides },
    clock,
    describe: (error) => (error instanceof FailureError ? error.failure : { message: String(error) }),
  };
}

function failingThen<T>(failures: VendorFailure[], value: T): { fn: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    fn: () => {
      const failure = failures[calls];
      calls += 1;
      return failure ? Promise.reject(new FailureError(failure)) : Promise.resolve(value);
    },
    calls: () => calls,
  };
}

async function caught(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

describe('callVendor', () => {
  it('retries 429 no earlier than Retry-After, with up to 20% jitter so throttled callers spread out, then succeeds', async () => {
    const clock = new FakeClock();
    const op = failingThen([{ status: 429, retryAfterMs: 2000, message: 'slow down' }], 'ok');
    await expect(callVendor(context(clock), 'create project', op.fn)).resolves.toBe('ok');
    expect(clock.sleeps).toEqual([2200]);
  });

  it('waits out a vendor that throttles more times than the attempt limit, as long as the time budget lasts', async () => {
    const clock = new FakeClock();
    const op = failingThen(Array.from({ length: 9 }, () => ({ status: 429, retryAfterMs: 100, message: 'rate limited' })), 'ok');
    await expect(callVendor(context(clock), 'create project', op.fn)).resolves.toBe('ok');
    expect(op.calls()).toBe(10);
  });

  it('backs off exponentially with jitter on 5xx and transport failures', async () => {
    const clock = new FakeClock();
    const op = failingThen([{ status: 503, message: 'down' }, { message: 'ECONNRESET' }, { status: 500, message: 'boom' }], 'ok');
    await expect(callVendor(context(clock), 'list projects', op.fn)).resolves.toBe('ok');
    expect(clock.sleeps).toEqual([75, 150, 300]);
  });

  it('gives up after the attempt limit with vendor_unavailable', async () => {
    const clock = new FakeClock();
    const op = failingThen(Array.from({ length: 10 }, () => ({ status: 502, message: 'bad gateway' })), 'never');
    const error = await caught(callVendor(context(clock), 'list projects', op.fn));
    expect(error.kind).toBe('vendor_unavailable');
    expect(op.calls()).toBe(4);
  });

  it('stops early when the next wait would pass the total time budget, keeping Retry-After for the caller', async () => {
    const clock = new FakeClock();
    const op = failingThen([{ status: 429, retryAfterMs: 60_000, message: 'quota' }], 'never');
    const error = await caught(callVendor(context(clock), 'create project', op.fn));
    expect(error.kind).toBe('vendor_unavailable');
    expect(error.retryAfterMs).toBe(60_000);
    expect(clock.sleeps).toEqual([]);
  });

  it('maps 401 to connection_rejected naming the connection without echoing the credential', async () => {
    const clock = new FakeClock();
    const op = failingThen([{ status: 401, message: `Incorrect API key provided: ${ADMIN_KEY}` }], 'never');
    const error = await caught(callVendor(context(clock), 'list projects', op.fn));
    expect(error.kind).toBe('connection_rejected');
    expect(error.message).toContain('"Prod org" (conn_1)');
    expect(error.message).not.toContain('THISISSECRET');
    expect(op.calls()).toBe(1);
  });

  it.each([
    [404, 'not_found'],
    [409, 'conflict'],
    [400, 'invalid_request'],
    [412, 'precondition_failed'],
  ] as const)('maps HTTP %i to %s without retrying', async (status, kind) => {
    const op = failingThen([{ status, message: 'nope' }], 'never');
    const error = await caught(callVendor(context(new FakeClock()), 'op', op.fn));
    expect(error.kind).toBe(kind);
    expect(op.calls()).toBe(1);
  });

  it('lets the vendor describer override the class', async () => {
    const op = failingThen([{ status: 400, kind: 'precondition_failed', message: 'org policy' }], 'never');
    expect((await caught(callVendor(context(new FakeClock()), 'create key', op.fn))).kind).toBe('precondition_failed');
  });
});

describe('callVendor with a bug instead of a vendor failure', () => {
  it('does not retry a programming error and rethrows it scrubbed, not as a VendorError', async () => {
    let calls = 0;
    const fn = () => {
      calls += 1;
      return Promise.reject(new TypeError(`Cannot read properties of undefined (reading '${ADMIN_KEY}')`));
    };
    const error = await callVendor(context(new FakeClock()), 'parse', fn).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(VendorError);
    expect((error as Error).name).toBe('TypeError');
    expect((error as Error).message).not.toContain('THISISSECRET');
    expect(calls).toBe(1);
  });

  it('retries a malformed vendor body like any other vendor fault, scrubbing what it echoed', async () => {
    const clock = new FakeClock();
    const fn = () => Promise.reject(new SyntaxError(`Unexpected token, "${ADMIN_KEY}" is not valid JSON`));
    const error = await caught(callVendor(context(clock), 'parse', fn));
    expect(error.kind).toBe('vendor_unavailable');
    expect(error.message).not.toContain('THISISSECRET');
  });

  it("still retries Node's fetch network failure, which is a TypeError", async () => {
    const clock = new FakeClock();
    let calls = 0;
    const fn = () => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : Promise.resolve('ok');
    };
    await expect(callVendor(context(clock), 'list', fn)).resolves.toBe('ok');
  });
});

describe('callVendor on a throttled connection', () => {
  it('holds other calls on the connection back until the Retry-After one caller was given', async () => {
    const clock = new FakeClock();
    const gate = new ThrottleGate();
    const throttled = failingThen([{ status: 429, retryAfterMs: 1000, message: 'slow down' }], 'first');
    const other = failingThen([], 'second');
    await callVendor({ ...context(clock), gate }, 'create project', throttled.fn);
    clock.sleeps.length = 0;
    clock.nowMs -= 1100; // as if the second call started right after the first one's 429
    await expect(callVendor({ ...context(clock), gate }, 'create project', other.fn)).resolves.toBe('second');
    expect(clock.sleeps).toEqual([1000]); // the time left on the gate
    expect(other.calls()).toBe(1);
  });

  it('does not hold back calls on a connection that was never throttled', async () => {
    const clock = new FakeClock();
    await callVendor({ ...context(clock), gate: new ThrottleGate() }, 'list projects', failingThen([], 'ok').fn);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('createOrFind', () => {
  function steps(createFailures: VendorFailure[], existing: string | undefined) {
    const create = failingThen(createFailures, 'created');
    let finds = 0;
    return {
      steps: {
        create: create.fn,
        find: () => {
          finds += 1;
          return Promise.resolve(existing);
        },
      },
      creates: create.calls,
      finds: () => finds,
    };
  }

  it('creates with a single call when nothing goes wrong: no lookup, however many objects the vendor holds', async () => {
    const s = steps([], 'old');
    await expect(createOrFind(context(new FakeClock()), 'create project', s.steps)).resolves.toBe('created');
    expect([s.creates(), s.finds()]).toEqual([1, 0]);
  });

  it('retries a throttled create without a lookup: a 429 reached nothing', async () => {
    const s = steps([{ status: 429, retryAfterMs: 10, message: 'slow down' }, { status: 429, retryAfterMs: 10, message: 'slow down' }], 'stray');
    await expect(createOrFind(context(new FakeClock()), 'create project', s.steps)).resolves.toBe('created');
    expect([s.creates(), s.finds()]).toEqual([3, 0]);
  });

  it('after a lost answer, finds what the lost attempt made instead of creating a second one', async () => {
    const s = steps([{ message: 'socket hang up' }], 'made-by-lost-attempt');
    await expect(createOrFind(context(new FakeClock()), 'create project', s.steps)).resolves.toBe('made-by-lost-attempt');
    expect([s.creates(), s.finds()]).toEqual([1, 1]);
  });

  it('after a 5xx that made nothing, looks, finds nothing and creates', async () => {
    const s = steps([{ status: 502, message: 'bad gateway' }], undefined);
    await expect(createOrFind(context(new FakeClock()), 'create project', s.steps)).resolves.toBe('created');
    expect([s.creates(), s.finds()]).toEqual([2, 1]);
  });

  it('does not retry a refusal', async () => {
    const s = steps([{ status: 400, message: 'name taken' }], undefined);
    expect((await caught(createOrFind(context(new FakeClock()), 'create project', s.steps))).kind).toBe('invalid_request');
    expect([s.creates(), s.finds()]).toEqual([1, 0]);
  });
});

describe('ignoreNotFound', () => {
  it('treats an object that is already gone as done', async () => {
    const op = failingThen([{ status: 404, message: 'gone' }], 'never');
    await expect(ignoreNotFound(callVendor(context(new FakeClock()), 'delete', op.fn))).resolves.toBeUndefined();
  });

  it('still fails on other errors', async () => {
    const op = failingThen([{ status: 401, message: 'bad key' }], 'never');
    await expect(ignoreNotFound(callVendor(context(new FakeClock()), 'delete', op.fn))).rejects.toBeInstanceOf(VendorError);
  });
});
