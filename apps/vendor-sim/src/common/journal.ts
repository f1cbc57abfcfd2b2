import type { VendorName } from '@sim/common/vendor-name';

export type JournalOutcome = 'answered' | 'fault_status' | 'dropped_before' | 'dropped_after' | 'aborted';

/** One vendor call as the vendor saw it. Never holds bodies or secrets. */
export interface JournalEntry {
  seq: number;
  at: string;
  vendor: VendorName;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number | null;
  requestId: string;
  outcome: JournalOutcome;
  faultRuleId: string | null;
}

export interface JournalFilter {
  vendor?: VendorName;
  sinceSeq?: number;
}

const MAX_ENTRIES = 20_000;

export class Journal {
  private entries: JournalEntry[] = [];
  private nextSeq = 1;

  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const stored: JournalEntry = { seq: this.nextSeq++, ...entry };
    this.entries.push(stored);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return stored;
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.entries.filter(
      (entry) =>
        (filter.vendor === undefined || entry.vendor === filter.vendor) &&
        (filter.sinceSeq === undefined || entry.seq > filter.sinceSeq),
    );
  }

  lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Clears entries; sequence numbers keep growing so `sinceSeq` cursors stay valid. */
  clear(): void {
    this.entries = [];
  }
}
