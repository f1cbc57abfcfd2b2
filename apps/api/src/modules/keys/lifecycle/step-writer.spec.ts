import { StepWriter } from './step-writer';

describe('StepWriter', () => {
  it('lets the provisioner go on at once and writes the steps in the order they finished', async () => {
    const written: string[] = [];
    let release!: () => void;
    const firstWriteHeld = new Promise<void>((resolve) => (release = resolve));
    const writer = new StepWriter(async (step) => {
      if (step === 'project_created') await firstWriteHeld;
      written.push(step);
    });
    await writer.record('project_created', {});
    await writer.record('key_created', {});
    expect(written).toEqual([]);
    release();
    await writer.drain();
    expect(written).toEqual(['project_created', 'key_created']);
  });

  it('reports the first failed write when drained, after trying the rest', async () => {
    const written: string[] = [];
    const writer = new StepWriter((step) => {
      if (step === 'policy_pushed') return Promise.reject(new Error('database went away'));
      written.push(step);
      return Promise.resolve();
    });
    await writer.record('policy_pushed', {});
    await writer.record('key_created', {});
    await expect(writer.drain()).rejects.toThrow('database went away');
    expect(written).toEqual(['key_created']);
  });
});
