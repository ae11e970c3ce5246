import { describe, expect, it } from 'vitest';
import { edited, UNSET } from './fixtures/edited-documents.ts';
import { loadServiceDocument, serviceProfile } from './load-profiles.ts';
import { profileFromDocument } from './profile-from-document.ts';
import { SpecsDocumentError } from './specs-document-error.ts';

const FILE = 'specs/services/checks.openapi.json';
const CANCEL = ['paths', '/v1alpha/{name}:cancel', 'post'];
const WHERE = 'paths["/v1alpha/{name}:cancel"].post';
function errorOf(document: unknown, file = FILE, expectedId = 'checks'): SpecsDocumentError {
  try {
    profileFromDocument(document, file, expectedId);
  } catch (error) {
    if (error instanceof SpecsDocumentError) return error;
    throw error;
  }
  throw new Error('expected a SpecsDocumentError');
}

const BROKEN: [string, string[], unknown, string][] = [
  ['no x-google-service', ['x-google-service'], UNSET, `${FILE} at x-google-service: missing`],
  [
    'no host',
    ['x-google-service', 'host'],
    UNSET,
    'at x-google-service.host: missing; expected a non-empty string',
  ],
  [
    'an id unlike the file',
    ['x-google-service', 'id'],
    'other',
    'is "other" but the file is named for "checks"',
  ],
  [
    'a reserved id',
    ['x-google-service', 'id'],
    'common',
    'at x-google-service.id: "common" must be',
  ],
  [
    'no seed',
    ['x-google-service', 'provenance', 'seed'],
    UNSET,
    'at x-google-service.provenance.seed: missing',
  ],
  [
    'a bad discovery record',
    ['x-google-service', 'provenance', 'discovery'],
    'x',
    'provenance.discovery: found "x"',
  ],
  [
    'no http rule',
    [...CANCEL, 'x-google-http-rule'],
    UNSET,
    `at ${WHERE}.x-google-http-rule: missing`,
  ],
  [
    'a body other than *',
    [...CANCEL, 'x-google-http-rule', 'body'],
    'none',
    'body: found "none"; expected "*" or no body field',
  ],
  [
    'no success body',
    [...CANCEL, 'x-google-success-body'],
    UNSET,
    `at ${WHERE}.x-google-success-body: missing`,
  ],
  [
    'an unknown wording',
    [...CANCEL, 'x-google-success-body', 'wording'],
    'blank',
    'wording: found "blank"; expected "empty" or "empty-json-object"',
  ],
  [
    'no request-body quote',
    [...CANCEL, 'x-google-request-body', 'quote'],
    UNSET,
    'x-google-request-body.quote: missing',
  ],
  [
    'an unknown verb',
    [...CANCEL, 'operationId'],
    'checks.operations.stop',
    '"checks.operations.stop" must end in .cancel',
  ],
  [
    'a foreign operationId',
    [...CANCEL, 'operationId'],
    'dai.operations.cancel',
    'must start with the service id "checks."',
  ],
  ['no security', [...CANCEL, 'security'], UNSET, `at ${WHERE}.security: lists no OAuth scope`],
  [
    'no cancel on the name template',
    ['x-google-service', 'nameTemplate'],
    'operations/*',
    'needs exactly one cancel operation whose x-google-http-rule binds {name=operations/*}',
  ],
  ['no operations', ['paths'], {}, `${FILE} at paths: declares no operation`],
];

describe('profileFromDocument', () => {
  it('builds the same profile the loader returns', () => {
    expect(profileFromDocument(loadServiceDocument('checks'), FILE, 'checks')).toEqual(
      serviceProfile('checks'),
    );
  });

  it.each(BROKEN)('names the file and the extension for %s', (_, path, value, message) => {
    const error = errorOf(edited(loadServiceDocument('checks'), path, value));
    expect(error.file).toBe(FILE);
    expect(error.message).toContain(message);
    expect(error.message).toContain('specs/README.md');
  });

  it('rejects a document that is not an object', () => {
    expect(errorOf('nope').message).toContain(`${FILE}: found "nope"; expected an object`);
  });

  it('rejects security on a document that declares its scopes undocumented', () => {
    const dai = edited(
      loadServiceDocument('dai'),
      ['paths', '/v1/{name}', 'get', 'security'],
      [{ oauth2: ['https://www.googleapis.com/auth/cloud-platform'] }],
    );
    const error = errorOf(dai, 'specs/services/dai.openapi.json', 'dai');
    expect(error.message).toContain(
      'get.security: is set although the document declares x-google-scopes-undocumented',
    );
  });
});
