/**
 * The reference speaks the control protocol's vocabulary (harness/control), the same
 * words the harness asks with.
 */
export {
  CANCEL_MODES,
  type CancelMode,
  isCancelMode,
  isScenario,
  SCENARIOS,
  type Scenario,
} from '../../control/vocabulary.ts';
