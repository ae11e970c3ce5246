// The reference implementation as a handlers module for `--target msw:` (docs/MSW-TARGET.md):
// its MSW handlers answer at each service's real origin, its model is the control hook.
import { createReferenceHandlers, createReferenceModel } from 'lro-conformance/msw';

const model = createReferenceModel();
export const handlers = createReferenceHandlers({ model });
export const createOperation = (service, scenario) => model.createOperation(service, scenario);
