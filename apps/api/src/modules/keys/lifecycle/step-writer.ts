import type { StepRecorder, VendorKeyRef } from '@keygate/provisioners';

/**
 * Writes a provision's finished vendor steps onto its row, in order, without holding up the next vendor call.
 * Crash recovery never depends on these rows (the reconciler finds a pending intent's objects at the vendor by
 * intent id), so they may trail the vendor calls; `drain` waits for all of them before Tx B or compensation.
 */
export class StepWriter {
  private tail: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

  constructor(private readonly write: (step: string, ref: Partial<VendorKeyRef>) => Promise<void>) {}

  readonly record: StepRecorder = (step, ref) => {
    this.tail = this.tail
      .then(() => this.write(step, ref))
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(`recording step ${step} failed`);
      });
    return Promise.resolve();
  };

  /** Resolves when every recorded step is written; rejects with the first write that failed. */
  async drain(): Promise<void> {
    await this.tail;
    if (this.failure !== null) throw this.failure;
  }
}
