/**
 * The reference speaks the control protocol's vocabulary (harness/control-protocol), the same
 * words the harness asks with.
 */
export {
  CANCEL_MODES,
  type CancelMode,
  isCancelMode,
  isScenario,
  SCENARIOS,
  type Scenario,
} from '../../control-protocol/vocabulary.ts';
