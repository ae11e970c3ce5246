/**
 * The test-control protocol (docs/CONTROL-PROTOCOL.md): its words, defined once for the harness
 * that asks and the reference that answers, and the client that asks a target's control endpoint
 * for an operation in a given scenario. Explicit re-exports only.
 */
export { createControlledOperation } from './control-client.ts';
export {
  CANCEL_MODES,
  type CancelMode,
  CONTROL_PATH,
  isCancelMode,
  isScenario,
  SCENARIOS,
  type Scenario,
} from './vocabulary.ts';
