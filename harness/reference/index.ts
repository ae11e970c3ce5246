/**
 * The reference implementation, for the harness: the deliberate faults and conformant variants
 * of the self-test (faults/), which the embedded reference target wraps around the model. Its
 * adapters have their own entries, which are also the package's: msw.ts (`lro-conformance/msw`)
 * and server.ts (`lro-conformance/server`). Explicit re-exports only.
 */
export { REFERENCE_FAULTS, referenceFault } from './faults/catalogue.ts';
export { withFault } from './faults/fault.ts';
export {
  REFERENCE_SERVING_VARIANTS,
  REFERENCE_VARIANTS,
  referenceVariant,
  type ServingVariant,
} from './faults/variants.ts';
