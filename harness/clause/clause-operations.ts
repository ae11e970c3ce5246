/**
 * Operations a test works on: made in a known state through the control endpoint
 * (docs/CONTROL-PROTOCOL.md), or the existing one the user names for reading (`--operation`).
 * The test remembers what it made: an accepted cancel of one of its own operations shows that
 * the service supports cancel (clause-cancel.ts).
 *
 * The control protocol says a created name MUST fit the service's operation name template and
 * that control faults are ERROR: a name that does not fit is a fault of the set-up (the control
 * endpoint, or a handlers module's createOperation), so the test ends in ERROR before it sends a
 * request for it, instead of failing every clause that reads such a name.
 */

import { HarnessError } from '#base';
import { matchName, parseSegmentsTemplate, type ServiceProfile } from '#specs';
import type { Scenario } from '../control/index.ts';
import type { FetchLike } from '../http/index.ts';
import type { Target } from '../targets/index.ts';

/** The suite's view (members of the clause context). */
export interface OperationsView {
  /** An operation in a known state, made through the control endpoint. */
  createOperation(scenario: Scenario): Promise<string>;
  /**
   * The operation a read-only clause reads: the run's `--operation`, else a done one made
   * through the control endpoint.
   */
  operationToRead(): Promise<string>;
}

export interface ClauseOperations extends OperationsView {
  /** Whether the test made `name`, or was told it is an existing operation of the service. */
  isKnown(name: string): boolean;
  /** The scenario the test made `name` in; undefined for an operation it did not make. */
  scenarioOf(name: string): Scenario | undefined;
}

export interface ClauseOperationsOptions {
  readonly service: ServiceProfile;
  readonly target: Target;
  /** The test's recording fetch with the run's credentials: control calls are evidence too. */
  readonly fetch: FetchLike;
  /** An existing operation to read, never to change (`--operation`). */
  readonly operation?: string | undefined;
  /** Existing operations whose accepted cancel shows that the service supports cancel. */
  readonly knownOperations?: readonly string[] | undefined;
}

export function createClauseOperations(options: ClauseOperationsOptions): ClauseOperations {
  const { service, target } = options;
  const known = new Set(options.knownOperations ?? []);
  const scenarios = new Map<string, Scenario>();
  const template = parseSegmentsTemplate(service.nameTemplate);
  const createOperation = async (scenario: Scenario) => {
    if (target.control === undefined) {
      throw new HarnessError(
        `${service.id}: this run has no control endpoint to make a ${scenario} operation`,
      );
    }
    const name = await target.control.createOperation(service.id, scenario, options.fetch);
    if (!matchName(template, name)) {
      throw new HarnessError(
        `the control endpoint made ${JSON.stringify(name).slice(0, 200)} for ${service.id} (${scenario}), which does not fit its operation name template ${service.nameTemplate}: a fault of the set-up (docs/CONTROL-PROTOCOL.md), not a finding`,
      );
    }
    known.add(name);
    scenarios.set(name, scenario);
    return name;
  };
  return {
    createOperation,
    operationToRead: async () => options.operation ?? createOperation('done'),
    isKnown: (name) => known.has(name),
    scenarioOf: (name) => scenarios.get(name),
  };
}
