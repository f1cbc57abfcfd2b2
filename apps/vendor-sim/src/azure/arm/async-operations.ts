import { randomUUID } from 'node:crypto';
import { PROVIDER } from '@sim/azure/arm/arm-resource-ids';

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface AsyncOperation {
  id: string;
  subscriptionId: string;
  location: string;
  /** The resource the operation acts on (lower-cased key), so reading the resource also advances it. */
  resourceKey: string;
  status: OperationStatus;
  startTime: string;
  endTime: string | null;
  observations: number;
  complete: () => void;
}

/**
 * ARM long-running operations behind `Azure-AsyncOperation`. An operation reports `InProgress` the
 * first time anyone looks at it (its status document or the resource) and finishes on the next look,
 * so a client must really poll, yet no test waits on a timer.
 */
export class AsyncOperations {
  private readonly operations = new Map<string, AsyncOperation>();

  start(
    subscriptionId: string,
    location: string,
    resourceKey: string,
    now: Date,
    complete: () => void,
  ): AsyncOperation {
    const operation: AsyncOperation = {
      id: randomUUID(),
      subscriptionId,
      location,
      resourceKey,
      status: 'InProgress',
      startTime: now.toISOString(),
      endTime: null,
      observations: 0,
      complete,
    };
    this.operations.set(operation.id, operation);
    return operation;
  }

  find(id: string): AsyncOperation | undefined {
    return this.operations.get(id);
  }

  observe(operation: AsyncOperation, now: Date): AsyncOperation {
    if (operation.status !== 'InProgress') return operation;
    operation.observations += 1;
    if (operation.observations > 1) {
      operation.status = 'Succeeded';
      operation.endTime = now.toISOString();
      operation.complete();
    }
    return operation;
  }

  observeResource(resourceKey: string, now: Date): void {
    for (const operation of this.operations.values()) {
      if (operation.resourceKey === resourceKey) this.observe(operation, now);
    }
  }

  /** Finishes pending operations on a resource and its children at once (an account deleted mid-creation). */
  settleResource(resourceKey: string, now: Date): void {
    for (const operation of this.operations.values()) {
      const concerned =
        operation.resourceKey === resourceKey || operation.resourceKey.startsWith(`${resourceKey}/`);
      if (operation.status === 'InProgress' && concerned) {
        operation.observations = 1;
        this.observe(operation, now);
      }
    }
  }

  clear(): void {
    this.operations.clear();
  }
}

export function operationPath(operation: AsyncOperation): string {
  return `/subscriptions/${operation.subscriptionId}/providers/${PROVIDER}/locations/${operation.location}/operationStatuses/${operation.id}`;
}

export function operationStatusDocument(operation: AsyncOperation): Record<string, unknown> {
  return {
    id: operationPath(operation),
    name: operation.id,
    status: operation.status,
    startTime: operation.startTime,
    ...(operation.endTime === null ? {} : { endTime: operation.endTime }),
  };
}
