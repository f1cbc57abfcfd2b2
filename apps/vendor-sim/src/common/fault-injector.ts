import { randomUUID } from 'node:crypto';
import {
  type FaultAction,
  type FaultCall,
  type FaultRule,
  type FaultRuleInput,
  ruleMatches,
  validateFaultRuleInput,
} from '@sim/common/fault-rule';
import type { VendorName } from '@sim/common/vendor-name';

export interface FiredFault {
  ruleId: string;
  action: FaultAction;
}

export interface PausedCall {
  id: string;
  ruleId: string;
  vendor: VendorName;
  method: string;
  path: string;
  pausedAt: string;
}

/** What a held call does when let go: reach the vendor (`proceed`), or vanish as if it never arrived (`drop`). */
export type PauseRelease = 'proceed' | 'drop';

interface PendingPause {
  call: PausedCall;
  release: (how: PauseRelease) => void;
}

/** Holds fault rules and the calls currently held by `pause` rules. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private paused = new Map<string, PendingPause>();
  private nextRule = 1;

  add(input: FaultRuleInput): FaultRule {
    const problem = validateFaultRuleInput(input);
    if (problem !== null) throw new RangeError(problem);
    const rule: FaultRule = {
      id: `fault_${this.nextRule++}`,
      vendor: input.vendor,
      method: input.method === undefined ? null : input.method.toUpperCase(),
      path: input.path ?? null,
      skip: input.skip ?? 0,
      times: input.times ?? 1,
      action: input.action,
      matched: 0,
      fired: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length !== before;
  }

  /** Removes every rule and lets every held call go on. */
  clear(): void {
    this.rules = [];
    this.releaseAll();
  }

  /**
   * Counts the call against every matching rule and returns the first rule that fires.
   * Every matching rule counts the call, so `skip` means "the Nth matching call" whatever fired before.
   */
  take(call: FaultCall): FiredFault | null {
    let fired: FiredFault | null = null;
    for (const rule of this.rules) {
      if (!ruleMatches(rule, call)) continue;
      rule.matched += 1;
      const exhausted = rule.times !== 0 && rule.fired >= rule.times;
      if (fired === null && rule.matched > rule.skip && !exhausted) {
        rule.fired += 1;
        fired = { ruleId: rule.id, action: rule.action };
      }
    }
    return fired;
  }

  /** Resolves when the call is released through the control API (or the injector is cleared: `proceed`). */
  hold(ruleId: string, call: FaultCall, now: Date): Promise<PauseRelease> {
    const id = `pause_${randomUUID()}`;
    return new Promise<PauseRelease>((resolve) => {
      this.paused.set(id, {
        call: {
          id,
          ruleId,
          vendor: call.vendor,
          method: call.method,
          path: call.path,
          pausedAt: now.toISOString(),
        },
        release: (how) => {
          this.paused.delete(id);
          resolve(how);
        },
      });
    });
  }

  listPaused(): PausedCall[] {
    return [...this.paused.values()].map((pending) => ({ ...pending.call }));
  }

  release(id: string, how: PauseRelease = 'proceed'): boolean {
    const pending = this.paused.get(id);
    if (pending === undefined) return false;
    pending.release(how);
    return true;
  }

  releaseAll(how: PauseRelease = 'proceed'): number {
    const all = [...this.paused.values()];
    for (const pending of all) pending.release(how);
    return all.length;
  }
}
