import { jest } from '@jest/globals';
import { RecordedStep, StepWriter } from './step-writer';

const names = (steps: RecordedStep[]) => steps.map((s) => s.step);

describe('StepWriter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets the provisioner go on at once and writes the whole trail at most once per interval', async () => {
    const writes: string[][] = [];
    const writer = new StepWriter((steps) => {
      writes.push(names(steps));
      return Promise.resolve();
    }, 1000);
    await writer.record('project_created', { scopeId: 'proj_1' });
    await writer.record('rate_limits_set', {});
    await jest.advanceTimersByTimeAsync(999);
    expect(writes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([['project_created', 'rate_limits_set']]);
    await writer.record('key_created', { vendorKeyId: 'key_1' });
    await jest.advanceTimersByTimeAsync(1000);
    expect(writes).toEqual([['project_created', 'rate_limits_set'], ['project_created', 'rate_limits_set', 'key_created']]);
  });

  it('collects the steps finished while a write is under way into the next write', async () => {
    const writes: string[][] = [];
    let release!: () => void;
    const firstWriteHeld = new Promise<void>((resolve) => (release = resolve));
    const writer = new StepWriter(async (steps) => {
      writes.push(names(steps));
      if (writes.length === 1) await firstWriteHeld;
    });
    await writer.record('project_created', {});
    await jest.advanceTimersByTimeAsync(0);
    await writer.record('rate_limits_set', {});
    await writer.record('key_created', {});
    release();
    await writer.drain();
    expect(writes).toEqual([['project_created'], ['project_created', 'rate_limits_set', 'key_created']]);
  });

  it('drains at once without waiting for the interval, and writes nothing more once stopped', async () => {
    const writes: string[][] = [];
    const writer = new StepWriter((steps) => {
      writes.push(names(steps));
      return Promise.resolve();
    }, 60_000);
    await writer.record('project_created', {});
    writer.stop();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(writes).toEqual([]);
    expect(names(writer.recorded)).toEqual(['project_created']);
    await writer.drain();
    expect(writes).toEqual([['project_created']]);
  });

  it('carries the vendor ids learned so far in every write: a later step does not erase an earlier id', async () => {
    const refs: unknown[] = [];
    const writer = new StepWriter((_steps, ref) => {
      refs.push(ref);
      return Promise.resolve();
    });
    await writer.record('project_created', { scopeId: 'proj_1', scopeName: 'kg-a', refs: { project: 'proj_1' } });
    await writer.drain();
    await writer.record('key_created', { vendorKeyId: 'key_1', refs: { service_account: 'sa_1' } });
    await writer.drain();
    expect(refs[1]).toEqual({ scopeId: 'proj_1', scopeName: 'kg-a', vendorKeyId: 'key_1', refs: { project: 'proj_1', service_account: 'sa_1' } });
  });

  it('reports the first failed write when drained, and still writes the steps recorded after it', async () => {
    const writes: string[][] = [];
    const writer = new StepWriter((steps) => {
      if (steps.length === 1) return Promise.reject(new Error('database went away'));
      writes.push(names(steps));
      return Promise.resolve();
    });
    await writer.record('policy_pushed', {});
    await jest.advanceTimersByTimeAsync(0);
    await writer.record('key_created', {});
    await expect(writer.drain()).rejects.toThrow('database went away');
    expect(writes).toEqual([['policy_pushed', 'key_created']]);
  });
});
