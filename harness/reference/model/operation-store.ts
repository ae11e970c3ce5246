/**
 * The operations the reference knows, keyed by name. Per `google/longrunning/operations.proto`
 * an operation is removed only by DeleteOperation: cancel never deletes (the service pages: "the operation is not deleted"). Records
 * are immutable; a cancel replaces the record. The store remembers which service minted each name,
 * which is how a name that fits two services' templates is routed.
 */
import type { ServiceProfile } from '#specs';
import type { Scenario } from '../../control/index.ts';
import { mintOperationName } from './operation-name.ts';

/** What a cancel request, once it takes effect, does to the operation. */
export type CancelEffect = 'cancel' | 'complete';

export interface StoredOperation {
  readonly name: string;
  readonly serviceId: string;
  readonly scenario: Scenario;
  /** Clock time (ms) of creation. */
  readonly createdAt: number;
  /** The first accepted cancel; later cancels never move it. */
  readonly cancel?: { readonly requestedAt: number; readonly effect: CancelEffect };
}

export class OperationStore {
  readonly #operations = new Map<string, StoredOperation>();
  #serial = 0;

  create(profile: ServiceProfile, scenario: Scenario, now: number): StoredOperation {
    this.#serial += 1;
    const name = mintOperationName(profile.nameTemplate, profile.id, this.#serial);
    const operation: StoredOperation = { name, serviceId: profile.id, scenario, createdAt: now };
    this.#operations.set(name, operation);
    return operation;
  }

  get(name: string): StoredOperation | undefined {
    return this.#operations.get(name);
  }

  replace(operation: StoredOperation): void {
    this.#operations.set(operation.name, operation);
  }

  delete(name: string): boolean {
    return this.#operations.delete(name);
  }

  /** A service's operations whose names start with `prefix`, oldest first. */
  list(serviceId: string, prefix: string): StoredOperation[] {
    return [...this.#operations.values()].filter(
      (operation) => operation.serviceId === serviceId && operation.name.startsWith(prefix),
    );
  }

  get size(): number {
    return this.#operations.size;
  }
}
