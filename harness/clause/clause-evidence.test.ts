/**
 * Evidence and warnings (clause-evidence.ts): every exchange of a test, the control call that
 * made its operation included, recorded through the clients (clause-clients.ts).
 */
import { describe, expect, it } from 'vitest';
import { setup } from './fixtures/reference-clause-run.ts';

describe('the evidence capability', () => {
  it('collects warnings in order', () => {
    const { context } = setup('checks');
    context.warn('first');
    context.warn('second');
    expect(context.warnings).toEqual(['first', 'second']);
  });

  it('records every exchange as evidence, the control call that made the operation included', async () => {
    const { context } = setup('checks');
    const name = await context.createOperation('running');
    await context.client.cancel(name, { body: {} });
    await context.getOperation(name);
    expect(
      context.exchanges.map((e) => [
        e.request.method,
        new URL(e.request.url).pathname,
        e.request.body,
        e.response?.status,
      ]),
    ).toEqual([
      ['POST', '/__control/operations', '{"service":"checks","scenario":"running"}', 201],
      ['POST', `/v1alpha/${name}:cancel`, '{}', 200],
      ['GET', `/v1alpha/${name}`, undefined, 200],
    ]);
    expect(context.exchanges[1]?.response?.body).toBe('{}');
    expect(context.exchanges[1]?.curl).toContain(`--data-binary '{}'`);
    expect(context.exchanges[1]?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
