/**
 * Probe names and the made-up-parent rule (clause-probes.ts) for every service's template.
 */
import { describe, expect, it } from 'vitest';
import { matchName, parseSegmentsTemplate, serviceIds } from '#specs';
import { createClauseRun } from './clause-context.ts';
import {
  answer,
  caught,
  DEADLINE_MS,
  NOT_FOUND,
  profile,
  setup,
} from './fixtures/reference-clause-run.ts';

describe('the probes capability', () => {
  describe.for(serviceIds())('for %s', (serviceId) => {
    const segments = parseSegmentsTemplate(profile(serviceId).nameTemplate);

    it('gives a nonexistent name that fits the template and answers 404 NOT_FOUND', async () => {
      const { context } = setup(serviceId, { expectedError: NOT_FOUND });
      const name = await context.nonexistentName();
      expect(matchName(segments, name)).toBe(true);
      const result = await context.client.get(name);
      expect(result.status).toBe(404);
      context.expectDeclaredError(result);
      expect(context.warnings).toEqual([]);
    });

    it('gives malformed names that never fit the template', () => {
      const { context } = setup(serviceId);
      const names = context.malformedNames();
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(matchName(segments, name), name).toBe(false);
    });
  });

  it('gives each context its own nonexistent name, stable within the context', async () => {
    const first = setup('dai').context;
    expect(await first.nonexistentName()).toBe(await first.nonexistentName());
    expect(await first.nonexistentName()).not.toBe(await setup('dai').context.nonexistentName());
  });

  it('puts probes under the parent of an operation the control endpoint makes', async () => {
    const { context } = setup('checks');
    const name = await context.nonexistentName();
    expect(name).toMatch(/^accounts\/ref\/apps\/ref\/operations\/lro-conformance-absent-/);
    expect(await context.nonexistentName()).toBe(name);
  });

  it('makes a 403 to a probe under a made-up parent INCONCLUSIVE, never FAIL', async () => {
    const { target } = setup('checks', { expectedError: NOT_FOUND });
    const withoutControl = createClauseRun({
      service: profile('checks'),
      target: { ...target, control: undefined },
      deadlineMs: DEADLINE_MS,
      expectedError: NOT_FOUND,
    }).context;
    const name = await withoutControl.nonexistentName();
    expect(name).toMatch(/^accounts\/lro-conformance\/apps\/lro-conformance\//);
    const denied = {
      ...answer(403, { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } }),
      url: `${target.baseUrl}/v1alpha/${name}`,
    };
    const error = caught(() => withoutControl.expectDeclaredError(denied));
    expect(error).toMatchObject({ outcome: 'INCONCLUSIVE' });
    expect((error as Error).message).toContain('--parent checks=PARENT');
  });

  it('makes a 403 to a probe under a --parent the caller may not read INCONCLUSIVE, naming parent and permission', async () => {
    const { target } = setup('checks', { expectedError: NOT_FOUND });
    const context = createClauseRun({
      service: profile('checks'),
      target: { ...target, control: undefined },
      deadlineMs: DEADLINE_MS,
      expectedError: NOT_FOUND,
      parent: 'accounts/123/apps/456',
    }).context;
    const name = await context.nonexistentName();
    expect(name).toMatch(/^accounts\/123\/apps\/456\/operations\//);
    const message = "Permission 'checks.operations.get' denied on resource (or it may not exist).";
    const denied = {
      ...answer(403, { error: { code: 403, message, status: 'PERMISSION_DENIED' } }),
      url: `${target.baseUrl}/v1alpha/${name}`,
    };
    const error = caught(() => context.expectDeclaredError(denied));
    expect(error).toMatchObject({ outcome: 'INCONCLUSIVE' });
    expect((error as Error).message).toContain(
      'sits under --parent checks=accounts/123/apps/456, which these credentials may not read: they lack the permission checks.operations.get;',
    );
    // Any other status stays a mismatch: only PERMISSION_DENIED says nothing about existence.
    const other = {
      ...answer(400, { error: { code: 400, status: 'INVALID_ARGUMENT' } }),
      url: denied.url,
    };
    expect(caught(() => context.expectDeclaredError(other))).toMatchObject({
      name: 'ConformanceFailure',
    });
  });

  it('makes a 403 PERMISSION_DENIED to a malformed name INCONCLUSIVE, and any other mismatch a FAIL', () => {
    const { context, target } = setup('datafusion');
    const [malformed = ''] = context.malformedNames();
    const url = `${target.baseUrl}/v1/${malformed}`;
    const denied = {
      ...answer(403, { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } }),
      url,
    };
    const error = caught(() => context.expectNameRejected(denied));
    expect(error).toMatchObject({ outcome: 'INCONCLUSIVE' });
    expect((error as Error).message).toContain(`the malformed name ${malformed} was answered 403`);
    const accepted = { ...answer(200, { name: malformed, done: true }), url };
    expect(caught(() => context.expectNameRejected(accepted))).toMatchObject({
      name: 'ConformanceFailure',
    });
  });
});
