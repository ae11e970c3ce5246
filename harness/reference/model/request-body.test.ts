import { describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import { validateErrorEnvelope } from '../../validators/index.ts';
import { cancelRequest } from '../fixtures/test-kit.ts';
import { createReferenceModel } from './reference-model.ts';
import { DURATION_FIELD, readRequestBody, STRING_FIELD } from './request-body.ts';

const PROFILES = loadServiceProfiles();

/**
 * What real clients send (google-gax, https://github.com/googleapis/gax-nodejs, and the googleapis Discovery clients,
 * https://github.com/googleapis/google-api-nodejs-client) and what they must not.
 */
const CANCEL_BODIES: readonly { body: string | undefined; status: number; message?: string }[] = [
  { body: undefined, status: 200 },
  { body: '', status: 200 },
  { body: '{}', status: 200 },
  { body: '""', status: 200 },
  { body: ' \n{ }\t', status: 200 },
  { body: '\n"" ', status: 200 },
  { body: '{"name":"ignored"}', status: 200 },
  {
    body: '{"foo":1}',
    status: 400,
    message: 'Invalid JSON payload received. Unknown name "foo": Cannot find field.',
  },
  {
    body: '{"a":1,"b":2}',
    status: 400,
    message:
      'Invalid JSON payload received. Unknown name "a": Cannot find field.\nInvalid JSON payload received. Unknown name "b": Cannot find field.',
  },
  { body: '{', status: 400, message: 'Invalid JSON payload received. Unexpected token.' },
  {
    body: 'null',
    status: 400,
    message: 'Invalid JSON payload received. Unknown name "": Root element must be a message.',
  },
  {
    body: '[]',
    status: 400,
    message: 'Invalid JSON payload received. Unknown name "": Root element must be a message.',
  },
  {
    body: '"x"',
    status: 400,
    message: 'Invalid JSON payload received. Unknown name "": Root element must be a message.',
  },
  { body: '{"name":3}', status: 400, message: "Invalid value at 'name' (TYPE_STRING), 3" },
];

const cases = PROFILES.flatMap((profile) =>
  CANCEL_BODIES.map((entry) => ({ ...entry, service: profile.id, profile })),
);

describe('cancel request bodies', () => {
  it.each(cases)(
    'answers $status to a $service cancel with body $body',
    ({ profile, body, status, message }) => {
      const model = createReferenceModel();
      const name = model.createOperation(profile.id, 'running');
      const response = model.handle(cancelRequest(profile, name, body));
      expect(response?.status).toBe(status);
      if (message === undefined) {
        expect(response?.body).toEqual({});
        expect(model.operation(name)).toMatchObject({ done: true, error: { code: 1 } });
      } else {
        expect(validateErrorEnvelope(response?.body, 400)).toEqual([]);
        expect(response?.body).toMatchObject({
          error: {
            status: 'INVALID_ARGUMENT',
            message,
            details: expect.arrayContaining([
              expect.objectContaining({ '@type': 'type.googleapis.com/google.rpc.BadRequest' }),
            ]),
          },
        });
        expect(model.operation(name)).toMatchObject({ done: false });
      }
    },
  );

  it('checks known fields by type', () => {
    const fields = { timeout: DURATION_FIELD, name: STRING_FIELD };
    expect(readRequestBody('{"timeout":"3.5s"}', fields)).toEqual({
      ok: true,
      fields: { timeout: '3.5s' },
    });
    expect(readRequestBody('{"timeout":"3.5"}', fields)).toMatchObject({
      ok: false,
      violations: [{ field: 'timeout' }],
    });
  });
});
