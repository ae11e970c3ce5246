import { conformanceTest, defineClause } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A cancel body with an unknown field is rejected with 400 INVALID_ARGUMENT',
  strength: 'observed',
  quote: 'Invalid JSON payload received. Unknown name "lroConformanceProbe": Cannot find field.',
  sources: [{ kind: 'observed', ref: 'Google front ends (LRO-FACTS §3)' }],
  services: 'all',
  requires: 'control',
  method: 'Cancels a running operation with the body `{"lroConformanceProbe": 1}`.',
  meanings: {
    FAIL: 'The cancel with an unknown field was accepted, or refused without a 400 INVALID_ARGUMENT envelope.',
    NOT_APPLICABLE: 'The service does not support cancel.',
  },
  expectedError: { httpStatus: 400, status: 'INVALID_ARGUMENT' },
});

// Google front ends answer this way; nothing documents it, so it is reported and never scored.
conformanceTest(
  clause,
  'a cancel with {"lroConformanceProbe": 1} answers INVALID_ARGUMENT',
  async (t) => {
    const name = await t.createOperation('running');
    const result = await t.client.cancel(name, { body: { lroConformanceProbe: 1 } });
    if (result.status === 501) t.notApplicable('cancel is UNIMPLEMENTED on this target');
    t.expectDeclaredError(result);
  },
);
