/**
 * Whether a client call behaved as the documented contract says (matrix-states.ts): "works"
 * when it resolved to the state the reference shows, resolved a cancel, or settled as the
 * operation ended (google-gax's `promise()` rejects with the operation's `error.code`); "fails"
 * otherwise, with the exact error or the mismatch. A fault of the interop setup is never judged:
 * it is thrown on, so it surfaces as a harness error.
 */
import { isInteropSetupError } from '../interop-error.ts';
import { describeError, rpcCodeOf } from './describe-error.ts';
import type { DocumentedResult } from './matrix-states.ts';
import { describeView, type OperationView, sameView } from './operation-view.ts';

/** What a client call resolved to. */
export type CallAnswer =
  | { readonly operation: OperationView }
  /** A resolved call without an operation (a cancel), summarised: `{}`, `200 {}`. */
  | { readonly resolved: string };

export interface Verdict {
  readonly verdict: 'works' | 'fails';
  /** What it returned when it works; the exact error or the mismatch when it fails. */
  readonly detail: string;
}

export function judgeAnswer(expect: DocumentedResult, answer: CallAnswer): Verdict {
  if (expect.kind === 'resolves') {
    return 'resolved' in answer
      ? works(`resolved ${answer.resolved}`)
      : works(`resolved ${describeView(answer.operation)}`);
  }
  if (!('operation' in answer)) {
    return fails(`expected ${expected(expect)}; resolved ${answer.resolved}`);
  }
  const shown = describeView(answer.operation);
  if (!sameView(answer.operation, expect.state)) {
    return fails(`expected ${expected(expect)}; got ${shown}`);
  }
  return works(expect.kind === 'settles' ? `resolved: ${shown}` : shown);
}

export function judgeRejection(expect: DocumentedResult, error: unknown): Verdict {
  if (isInteropSetupError(error)) throw error;
  const code = rpcCodeOf(error);
  if (expect.kind === 'settles' && code !== undefined && code === expect.state.errorCode) {
    return works(`rejected: ${describeError(error)}`);
  }
  return fails(describeError(error));
}

function expected(expect: DocumentedResult): string {
  switch (expect.kind) {
    case 'resolves':
      return 'to resolve';
    case 'shows':
      return describeView(expect.state);
    case 'settles':
      return expect.state.errorCode === undefined
        ? 'to resolve with the response'
        : `to reject with code ${expect.state.errorCode}`;
  }
}

const works = (detail: string): Verdict => ({ verdict: 'works', detail });
const fails = (detail: string): Verdict => ({ verdict: 'fails', detail });
