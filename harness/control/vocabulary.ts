/**
 * The words of the test-control protocol (docs/CONTROL-PROTOCOL.md), defined once: the harness
 * asks for these scenarios and the reference implements them, so the two cannot drift apart.
 * The behaviours they stand for are the ones the service pages allow: cancellation succeeds, the
 * operation completes despite it, or the server does not support cancel (UNIMPLEMENTED).
 */

/** The operation states `POST {control}/operations` can create. */
export const SCENARIOS = ['running', 'completes-despite-cancel', 'done', 'failed'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** How the reference answers cancels, per service (informational in `GET {control}`). */
export const CANCEL_MODES = ['honor', 'unimplemented', 'completes-despite-cancel'] as const;
export type CancelMode = (typeof CANCEL_MODES)[number];

/** The control endpoint's path under a target's base URL, by convention. */
export const CONTROL_PATH = '/__control';

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

export function isCancelMode(value: unknown): value is CancelMode {
  return typeof value === 'string' && (CANCEL_MODES as readonly string[]).includes(value);
}
