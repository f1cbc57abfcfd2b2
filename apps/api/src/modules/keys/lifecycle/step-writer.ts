import type { StepRecorder, VendorKeyRef } from '@keygate/provisioners';

export interface RecordedStep {
  step: string;
  /** When the provisioner reported the step finished (this process's clock). */
  at: string;
}

/** Writes every step recorded so far, and the vendor ids learned so far, onto the key's row. */
export type StepsWrite = (steps: RecordedStep[], ref: Partial<VendorKeyRef>) => Promise<void>;

/**
 * Keeps a provision's finished vendor steps and writes them onto its row, at most once per `intervalMs`, each
 * write carrying the whole list and the vendor ids learned so far. The trail may lag the vendor calls: crash
 * recovery never depends on it (the reconciler finds a pending intent's objects at the vendor by intent id),
 * so a provision that finishes within the interval writes no trail of its own: Tx B writes the complete
 * list. A longer one (429 waits, slow vendors) still shows its progress, and its row's updated_at moves, at
 * least once per interval. `drain` writes what is left before compensation.
 */
export class StepWriter {
  private readonly steps: RecordedStep[] = [];
  private ref: Partial<VendorKeyRef> = {};
  private written = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private stopped = false;
  private failure: Error | null = null;

  constructor(
    private readonly write: StepsWrite,
    private readonly intervalMs = 0,
  ) {}

  readonly record: StepRecorder = (step, ref) => {
    this.steps.push({ step, at: new Date().toISOString() });
    this.ref = { ...this.ref, ...withoutUndefined(ref), refs: { ...this.ref.refs, ...ref.refs } };
    this.schedule();
    return Promise.resolve();
  };

  /** Every step recorded so far, oldest first. */
  get recorded(): RecordedStep[] {
    return [...this.steps];
  }

  /** No more scheduled writes: the caller writes the whole list itself (Tx B). */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** Writes every step not yet written, now; rejects with the first write that failed. */
  async drain(): Promise<void> {
    for (;;) {
      this.cancelTimer();
      if (this.writing !== null) await this.writing;
      else if (this.written < this.steps.length) this.writing = this.flush();
      else break;
    }
    if (this.failure !== null) throw this.failure;
  }

  private schedule(): void {
    if (this.stopped || this.timer !== null || this.writing !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writing = this.flush();
    }, this.intervalMs);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private async flush(): Promise<void> {
    const upTo = this.steps.length;
    try {
      await this.write(this.steps.slice(0, upTo), { ...this.ref });
    } catch (error: unknown) {
      this.failure ??= error instanceof Error ? error : new Error('recording the vendor steps failed');
    }
    this.written = upTo;
    this.writing = null;
    if (this.written < this.steps.length) this.schedule();
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
