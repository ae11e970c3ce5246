// A handlers module for `--target msw:` that serves a team's own service from its document
// (docs/SERVICE-DOCUMENTS.md): the reference implementation's MSW handlers, built from the
// profile of my-api.discovery.json, answer at the document's host; its model is the control hook.
import { fileURLToPath } from 'node:url';
import {
  createReferenceHandlers,
  createReferenceModel,
  readServiceDocument,
} from 'lro-conformance/msw';

const profile = readServiceDocument(
  fileURLToPath(new URL('./my-api.discovery.json', import.meta.url)),
);
const model = createReferenceModel({ profiles: [profile] });

/** The services these handlers serve: the document's. */
export const services = [profile.id];
export const handlers = createReferenceHandlers({ model });
export const createOperation = (service, scenario) => model.createOperation(service, scenario);
