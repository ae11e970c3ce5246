import { conformanceTest, defineClause, protoSource, seedSources, servicesWhere } from '#harness';

const emptyWording = servicesWhere((profile) => profile.successBody.wording === 'empty');

const clause = defineClause(import.meta.url, {
  title:
    'A successful cancel answers HTTP 200 (or 204 where the page documents an empty response body)',
  strength: 'SHOULD',
  quote: 'HTTP Mapping: 200 OK',
  sources: [
    protoSource('google/rpc/code.proto'),
    ...seedSources(emptyWording, (profile) => profile.successBody.quote),
  ],
  services: 'all',
  requires: 'cancellable-operation',
  calls: ['cancel'],
  method:
    'Cancels a running operation (or the one `--allow-cancel` names) and reads the status of the successful answer: google.rpc.Code OK maps to 200; where the page says the response body is empty, 204 No Content says the same.',
  meanings: {
    FAIL: 'A cancel was accepted with another 2xx status (202 Accepted, 201, …), which no client expects from a method whose result is google.protobuf.Empty.',
    NOT_APPLICABLE: 'The service does not support cancel.',
  },
});

conformanceTest(clause, 'the accepted cancel answers 200 (or 204 for an empty body)', async (t) => {
  const { name, answer: result } = await t.acceptedCancel();
  const allowed = t.service.successBody.wording === 'empty' ? [200, 204] : [200];
  if (!allowed.includes(result.status)) {
    t.fail(
      `the accepted cancel of ${name} answered ${result.status}, expected ${allowed.join(' or ')}`,
      {
        rootCause: `cancel-success-status-${result.status}`,
      },
    );
  }
});
