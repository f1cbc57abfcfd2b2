/**
 * Shared by every call on one vendor connection in this process: once the vendor answers one caller
 * "retry after T", the others hold back until then too instead of each collecting its own 429.
 */
export class ThrottleGate {
  private openAtMs = 0;

  closeUntil(atMs: number): void {
    this.openAtMs = Math.max(this.openAtMs, atMs);
  }

  /** How long a call starting at `nowMs` should wait; 0 when the gate is open. */
  waitMs(nowMs: number): number {
    return Math.max(0, this.openAtMs - nowMs);
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
