import { describe, expect, it } from 'vitest';
import { loadServiceProfiles, type ServiceProfile } from '#specs';
import { CONTROL_PATH } from '../../control/vocabulary.ts';
import { errorEnvelopeHasErrorInfo, validateErrorEnvelope } from '../../validators/index.ts';
import { cancelRequest, getRequest, modelRequest } from '../fixtures/test-kit.ts';
import type { ModelRequest } from './model-request.ts';
import { createReferenceModel } from './reference-model.ts';

const profile = (id: string) =>
  loadServiceProfiles().find((candidate) => candidate.id === id) as ServiceProfile;
const checks = profile('checks');
const admanager = profile('admanager');
const dai = profile('dai');
const adsdatahub = profile('adsdatahub');

const TOKENS = {
  full: ['https://www.googleapis.com/auth/checks', 'https://www.googleapis.com/auth/admanager'],
  readonly: ['https://www.googleapis.com/auth/admanager.readonly'],
  bare: [],
};

function setup() {
  const model = createReferenceModel({ auth: { tokens: TOKENS } });
  return { model, handle: (request: ModelRequest) => model.handle(request) };
}

const as = (token: string | undefined, request: ModelRequest): ModelRequest => ({
  ...request,
  headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
});

describe('authentication and permission', () => {
  it.each([
    ['no authorization header', undefined, 'CREDENTIALS_MISSING'],
    ['an unknown token', 'stolen', 'ACCESS_TOKEN_INVALID'],
  ])('answers 401 UNAUTHENTICATED to %s', (_title, token, reason) => {
    const { model, handle } = setup();
    const name = model.createOperation('checks', 'running');
    const response = handle(as(token, getRequest(checks, name)));
    expect(response?.status).toBe(401);
    expect(validateErrorEnvelope(response?.body, 401)).toEqual([]);
    expect(errorEnvelopeHasErrorInfo(response?.body)).toEqual([]);
    expect(response?.body).toMatchObject({
      error: { status: 'UNAUTHENTICATED', details: [{ reason }] },
    });
    expect(response?.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('answers 401 to a non-bearer authorization scheme', () => {
    const { model, handle } = setup();
    const request = getRequest(checks, model.createOperation('checks', 'running'));
    expect(handle({ ...request, headers: { authorization: 'Basic Zm9vOmJhcg==' } })?.status).toBe(
      401,
    );
  });

  it('answers 403 PERMISSION_DENIED to a token without the method’s scope, whether or not the operation exists', () => {
    const { model, handle } = setup();
    const existing = model.createOperation('checks', 'running');
    const missing = existing.replace(/[^/]+$/, 'never-created');
    const forExisting = handle(as('readonly', cancelRequest(checks, existing)));
    const forMissing = handle(as('readonly', cancelRequest(checks, missing)));
    expect(forExisting?.status).toBe(403);
    expect(validateErrorEnvelope(forExisting?.body, 403)).toEqual([]);
    expect(forExisting?.body).toMatchObject({
      error: {
        status: 'PERMISSION_DENIED',
        details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }],
      },
    });
    expect(forMissing).toEqual(forExisting);
    expect(model.operation(existing)).toMatchObject({ done: false });
  });

  it('checks permission before the request body and the name format', () => {
    const { model, handle } = setup();
    const name = model.createOperation('checks', 'running');
    expect(handle(as('readonly', cancelRequest(checks, name, '{"foo":1}')))?.status).toBe(403);
    expect(
      handle(as('readonly', modelRequest('GET', '/v1alpha/accounts/a/operations/x')))?.status,
    ).toBe(403);
    expect(
      handle(as('full', modelRequest('GET', '/v1alpha/accounts/a/operations/x')))?.status,
    ).toBe(400);
  });

  it('accepts any one of the method’s scopes (admanager get also takes admanager.readonly)', () => {
    const { model, handle } = setup();
    const name = model.createOperation('admanager', 'running');
    expect(handle(as('readonly', getRequest(admanager, name)))?.status).toBe(200);
    expect(handle(as('readonly', cancelRequest(admanager, name)))?.status).toBe(403);
    expect(handle(as('full', cancelRequest(admanager, name)))?.status).toBe(200);
  });

  it('lets any valid token call a method with no documented scope (dai)', () => {
    const { model, handle } = setup();
    const name = model.createOperation('dai', 'running');
    expect(handle(as('bare', cancelRequest(dai, name)))?.status).toBe(200);
    expect(handle(as(undefined, cancelRequest(dai, name)))?.status).toBe(401);
  });

  it('shows a name minted by a service the token cannot call as not found on a shared route', () => {
    const { model, handle } = setup();
    const name = model.createOperation('adsdatahub', 'running');
    expect(handle(as('bare', getRequest(adsdatahub, name)))?.status).toBe(404);
  });

  it('serves the control protocol without a token', () => {
    const { handle } = setup();
    expect(handle(modelRequest('GET', CONTROL_PATH))?.status).toBe(200);
  });
});
