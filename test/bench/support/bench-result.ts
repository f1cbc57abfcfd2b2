/** One line of the results table: an issue target against what this run measured. */
export interface TargetCheck {
  target: string;
  measured: string;
  /** null: not measured in this run (the reason is in `measured`). */
  met: boolean | null;
}

/** What one benchmark reports: its table rows and the detail a reader needs to trust them. */
export interface BenchResult {
  name: string;
  /** How it ran: sizes, concurrency, what was compared. Markdown lines. */
  setup: string[];
  checks: TargetCheck[];
  /** Further figures and observations. Markdown lines. */
  details: string[];
  seconds: number;
}

export function check(target: string, measured: string, met: boolean | null): TargetCheck {
  return { target, measured, met };
}

export function failedResult(name: string, error: unknown, seconds: number): BenchResult {
  const message = error instanceof Error ? error.message : String(error);
  return { name, setup: [], checks: [check('(benchmark ran)', `did not complete: ${message.split('\n')[0] ?? ''}`, null)], details: [], seconds };
}
