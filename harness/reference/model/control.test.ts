import { describe, expect, it } from 'vitest';
import { loadServiceProfiles, matchName, parseSegmentsTemplate } from '#specs';
import { CONTROL_PATH, SCENARIOS } from '../../control/vocabulary.ts';
import { validateErrorEnvelope } from '../../validators/index.ts';
import { modelRequest } from '../fixtures/test-kit.ts';
import { createReferenceModel } from './reference-model.ts';

const messageOf = (body: unknown): string =>
  (body as { error?: { message?: string } } | undefined)?.error?.message ?? '';

const post = (body: string | undefined) =>
  modelRequest('POST', `${CONTROL_PATH}/operations`, body === undefined ? {} : { body });

describe('test-control protocol', () => {
  it('is served at /__control, the path docs/CONTROL-PROTOCOL.md gives', () => {
    // The one place a test spells the path: every other test and module uses CONTROL_PATH.
    expect(CONTROL_PATH).toBe('/__control');
  });

  it('describes the services, scenarios and cancel modes it serves', () => {
    const model = createReferenceModel({
      cancelMode: { checks: 'unimplemented' },
      cancelDelayMs: 250,
    });
    const response = model.handle(modelRequest('GET', CONTROL_PATH));
    expect(response?.status).toBe(200);
    expect(response?.body).toEqual({
      services: model.profiles.map((profile) => profile.id),
      scenarios: SCENARIOS,
      cancelModes: expect.objectContaining({ checks: 'unimplemented', dai: 'honor' }),
      cancelDelayMs: 250,
    });
  });

  it.each(loadServiceProfiles())(
    'creates a $id operation whose name fits the name template',
    (profile) => {
      const model = createReferenceModel();
      const response = model.handle(
        post(JSON.stringify({ service: profile.id, scenario: 'running' })),
      );
      expect(response?.status).toBe(201);
      const { name } = (response?.body ?? {}) as { name: string };
      expect(matchName(parseSegmentsTemplate(profile.nameTemplate), name)).toBe(true);
      expect(model.operation(name)).toMatchObject({ name, done: false });
    },
  );

  it.each([
    ['malformed JSON', '{', /must be a JSON object/],
    ['no body', undefined, /must be a JSON object/],
    ['an array', '[]', /must be a JSON object/],
    [
      'an unknown service',
      '{"service":"foo","scenario":"running"}',
      /unknown service "foo" \(allowed: admanager, .*datafusion\)/,
    ],
    ['a missing service', '{"scenario":"running"}', /missing "service" \(allowed: /],
    ['a missing scenario', '{"service":"dai"}', /missing "scenario" \(allowed: running, /],
    [
      'an unknown scenario',
      '{"service":"dai","scenario":"paused"}',
      /unknown scenario "paused" \(allowed: running, completes-despite-cancel, done, failed\)/,
    ],
  ])('answers 400 naming the bad value to %s', (_title, body, message) => {
    const model = createReferenceModel();
    const response = model.handle(post(body));
    expect(response?.status).toBe(400);
    expect(validateErrorEnvelope(response?.body, 400)).toEqual([]);
    expect(messageOf(response?.body)).toMatch(message);
    expect(model.operationCount).toBe(0);
  });

  it.each([
    ['GET', `${CONTROL_PATH}/operations`],
    ['POST', CONTROL_PATH],
    ['GET', `${CONTROL_PATH}/nothing`],
  ])('answers 404 naming the endpoints to %s %s', (method, path) => {
    const response = createReferenceModel().handle(modelRequest(method, path));
    expect(response?.status).toBe(404);
    expect(JSON.stringify(response?.body)).toContain(`POST ${CONTROL_PATH}/operations`);
  });
});
