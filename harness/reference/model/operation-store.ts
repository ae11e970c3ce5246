/**
 * The operations the reference knows, keyed by name. Per `google/longrunning/operations.proto`
 * an operation is removed only by DeleteOperation: cancel never deletes (the service pages: "the operation is not deleted"). Records
 * are immutable; a cancel replaces the record. The store remembers which service minted each name,
 * which is how a name that fits two services' templates is routed.
 *
 * The store is bounded, since `serve` runs for as long as its user wants and anyone who reaches
 * its control endpoint can make operations (a million took 301 MB): past `limit` operations,
 * finished ones are forgotten, oldest first, down to nine tenths of the limit, and should running
 * ones alone still exceed it, the oldest of them go too (docs/REFERENCE.md). A forgotten
 * operation answers 404 NOT_FOUND, as a deleted one does. A run makes a few hundred.
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

/** How many operations a reference keeps by default (docs/REFERENCE.md). */
export const DEFAULT_MAX_OPERATIONS = 10_000;

export class OperationStore {
  /** In creation order: a cancel replaces a record in place (Map keeps a key's first position). */
  readonly #operations = new Map<string, StoredOperation>();
  readonly #limit: number;
  #serial = 0;

  constructor(limit: number = DEFAULT_MAX_OPERATIONS) {
    this.#limit = limit;
  }

  /** Creates an operation; past the limit, forgets the oldest of those `isFinished` says are done. */
  create(
    profile: ServiceProfile,
    scenario: Scenario,
    now: number,
    isFinished: (operation: StoredOperation) => boolean = () => false,
  ): StoredOperation {
    this.#serial += 1;
    const name = mintOperationName(profile.nameTemplate, profile.id, this.#serial);
    const operation: StoredOperation = { name, serviceId: profile.id, scenario, createdAt: now };
    this.#operations.set(name, operation);
    if (this.#operations.size > this.#limit) this.#evict(isFinished, name);
    return operation;
  }

  /** One sweep down to nine tenths of the limit, so that sweeps are rare: finished first. */
  #evict(isFinished: (operation: StoredOperation) => boolean, keep: string): void {
    const target = Math.max(1, Math.floor(this.#limit * 0.9));
    for (const [name, operation] of this.#operations) {
      if (this.#operations.size <= target) return;
      if (name !== keep && isFinished(operation)) this.#operations.delete(name);
    }
    for (const name of this.#operations.keys()) {
      if (this.#operations.size <= target) return;
      if (name !== keep) this.#operations.delete(name);
    }
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
