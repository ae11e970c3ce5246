/**
 * The operation scenarios the control protocol can create and the per-service cancel modes, as
 * named in docs/CONTROL-PROTOCOL.md. The behaviours they stand for are the ones the seed documents
 * allow (LRO-FACTS §2): cancellation succeeds, the operation completes despite it, or the server
 * does not support cancel (UNIMPLEMENTED).
 */

export const SCENARIOS = ['running', 'completes-despite-cancel', 'done', 'failed'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const CANCEL_MODES = ['honor', 'unimplemented', 'complete-despite'] as const;
export type CancelMode = (typeof CANCEL_MODES)[number];

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

export function isCancelMode(value: unknown): value is CancelMode {
  return typeof value === 'string' && (CANCEL_MODES as readonly string[]).includes(value);
}
