import { FaultInjector } from '@sim/common/fault-injector';
import { Journal } from '@sim/common/journal';
import { SimClock } from '@sim/common/sim-clock';
import { SimControlRegistry } from '@sim/common/sim-control-registry';

/** What every vendor server shares: the call journal, fault rules, the clock and control extensions. */
export interface SimContext {
  journal: Journal;
  faults: FaultInjector;
  clock: SimClock;
  control: SimControlRegistry;
}

export function createSimContext(): SimContext {
  return {
    journal: new Journal(),
    faults: new FaultInjector(),
    clock: new SimClock(),
    control: new SimControlRegistry(),
  };
}
