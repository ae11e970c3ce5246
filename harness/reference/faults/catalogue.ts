/**
 * The faults the self-test injects, one broken behaviour each, grouped by what they break.
 * Together they make every MUST clause fail at least once (and most SHOULD and observed ones
 * too); `caughtBy` names the clauses that must catch each and `exitCode` the exit code the docs
 * promise, so a check that silently stops working breaks the self-test.
 */

import { CANCEL_STATE_FAULTS } from './catalogue/cancel-state-faults.ts';
import { ERROR_ANSWER_FAULTS } from './catalogue/error-answer-faults.ts';
import { OPERATION_SHAPE_FAULTS } from './catalogue/operation-shape-faults.ts';
import { REQUEST_BODY_FAULTS } from './catalogue/request-body-faults.ts';
import { SUCCESS_ANSWER_FAULTS } from './catalogue/success-answer-faults.ts';
import { TERMINAL_STATE_FAULTS } from './catalogue/terminal-state-faults.ts';
import { UNSUPPORTED_FAULTS } from './catalogue/unsupported-faults.ts';
import { WIRE_FAULTS } from './catalogue/wire-faults.ts';
import type { ReferenceFault } from './fault.ts';

export const REFERENCE_FAULTS: readonly ReferenceFault[] = [
  ...REQUEST_BODY_FAULTS,
  ...SUCCESS_ANSWER_FAULTS,
  ...UNSUPPORTED_FAULTS,
  ...CANCEL_STATE_FAULTS,
  ...TERMINAL_STATE_FAULTS,
  ...OPERATION_SHAPE_FAULTS,
  ...ERROR_ANSWER_FAULTS,
  ...WIRE_FAULTS,
];

export function referenceFault(id: string): ReferenceFault | undefined {
  return REFERENCE_FAULTS.find((fault) => fault.id === id);
}
