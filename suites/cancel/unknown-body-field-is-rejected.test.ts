import { conformanceTest, defineClause, servicesWhere } from '#harness';

// Only a binding that reads a body (`body: "*"`) has fields to reject: where the HTTP rule has no
// body, a server may ignore one, as google-gax's `""` for such bindings shows.
const services = servicesWhere((profile) => profile.cancel.body === '*');

const clause = defineClause(import.meta.url, {
  title: 'A cancel body with an unknown field is rejected with 400 INVALID_ARGUMENT',
  strength: 'observed',
  quote: 'Invalid JSON payload received. Unknown name "lroConformanceProbe": Cannot find field.',
  sources: [
    {
      kind: 'observed',
      ref: 'Google API front ends',
      title: 'What Google front ends answer to a JSON body with an unknown field',
    },
  ],
  services,
  requires: 'nothing',
  calls: ['cancel-body'],
  method:
    'Where the cancel binding reads a body (`body: "*"`), cancels a well-formed name that cannot exist with the body `{"lroConformanceProbe": 1}`: front ends read the body before they look the operation up.',
  meanings: {
    FAIL: 'The cancel with an unknown field was accepted, or refused without a 400 INVALID_ARGUMENT envelope.',
    NOT_APPLICABLE:
      'The binding has no body (nothing to reject), or the service does not support cancel.',
  },
  expectedError: { httpStatus: 400, status: 'INVALID_ARGUMENT' },
});

// Google front ends read the body before they look the operation up, so an absent name is
// enough to observe this, and no existing operation is ever sent a body it might act on.
conformanceTest(
  clause,
  'a cancel with {"lroConformanceProbe": 1} answers INVALID_ARGUMENT',
  async (t) => {
    const cancel = await t.requestCancel(await t.nonexistentName(), {
      body: { lroConformanceProbe: 1 },
    });
    if (cancel.kind === 'unimplemented') t.notApplicable('cancel is UNIMPLEMENTED on this target');
    t.expectDeclaredError(cancel.result);
  },
);
