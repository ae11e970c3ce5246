/**
 * Terminal states stay terminal. Once GetOperation has shown an operation done, every later read
 * must show the same result: operations.proto's `done` "If `true`, the operation is completed",
 * and the service pages: a cancelled operation "is not deleted; instead, it becomes an operation
 * with an Operation.error value with a google.rpc.Status.code of 1". A read that shows it running
 * again, with another result, or not at all, contradicts the clause whose test made it.
 */
import type { OperationJson } from '#specs';
import { describeOperation } from '#specs';
import { sameJson } from '../validators/index.ts';

interface TerminalRead {
  readonly operation: OperationJson;
  /** Which read of this test saw it first (1-based), for the message. */
  readonly read: number;
}

/** What defines a terminal state: done, the error's code, the response. Messages may change. */
function resultOf(operation: OperationJson): unknown {
  return {
    done: operation.done === true,
    errorCode: operation.error === undefined ? undefined : (operation.error.code ?? 0),
    response: operation.response,
  };
}

export class OperationHistory {
  readonly #terminal = new Map<string, TerminalRead>();
  #reads = 0;

  /** Records a successful read; returns why it contradicts an earlier terminal read, if it does. */
  observe(name: string, operation: OperationJson): string | undefined {
    this.#reads += 1;
    const seen = this.#terminal.get(name);
    if (seen === undefined) {
      if (operation.done === true) this.#terminal.set(name, { operation, read: this.#reads });
      return undefined;
    }
    if (sameJson(resultOf(seen.operation), resultOf(operation))) return undefined;
    return `${name} was ${describeOperation(seen.operation)} at read ${seen.read}, but read ${this.#reads} shows it ${describeOperation(operation)}: a done operation keeps its state and result`;
  }

  /** Records a read that found nothing; returns why that contradicts an earlier terminal read. */
  observeMissing(name: string, status: number): string | undefined {
    this.#reads += 1;
    const seen = this.#terminal.get(name);
    if (seen === undefined) return undefined;
    return `${name} was ${describeOperation(seen.operation)} at read ${seen.read}, but read ${this.#reads} answers HTTP ${status}: the operation disappeared`;
  }

  /** The operation as first read done, if it was. */
  terminalRead(name: string): OperationJson | undefined {
    return this.#terminal.get(name)?.operation;
  }

  /** Names seen in a terminal state, to read again after the settle time. */
  terminalNames(): string[] {
    return [...this.#terminal.keys()];
  }
}
