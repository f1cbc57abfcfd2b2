/** Calls released from a closed gate are spaced at most this far apart, whatever the vendor's Retry-After. */
const MAX_SPACING_MS = 50;

/**
 * Shared by every call on one vendor connection in this process: once the vendor answers one caller
 * "retry after T", the others hold back until then too instead of each collecting its own 429, and
 * leave one at a time, T apart (at most 50 ms), which paces them at a token bucket's own rate.
 */
export class ThrottleGate {
  private openAtMs = 0;
  private nextSlotMs = 0;
  private spacingMs = 0;

  closeUntil(atMs: number, retryAfterMs: number): void {
    this.openAtMs = Math.max(this.openAtMs, atMs);
    this.spacingMs = Math.min(MAX_SPACING_MS, Math.max(0, retryAfterMs));
  }

  /** How long a call starting at `nowMs` waits; 0 when the gate is open. Each waiting call takes its own slot. */
  reserve(nowMs: number): number {
    if (nowMs >= this.openAtMs && nowMs >= this.nextSlotMs) return 0;
    const slot = Math.max(this.openAtMs, this.nextSlotMs, nowMs);
    this.nextSlotMs = slot + this.spacingMs;
    return slot - nowMs;
  }
}

export class ThrottleGates {
  private readonly gates = new Map<string, ThrottleGate>();

  forConnection(connectionId: string): ThrottleGate {
    let gate = this.gates.get(connectionId);
    if (!gate) {
      gate = new ThrottleGate();
      this.gates.set(connectionId, gate);
    }
    return gate;
  }
}
