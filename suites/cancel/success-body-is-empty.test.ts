import {
  conformanceTest,
  defineClause,
  isEmptyJsonObject,
  seedSources,
  servicesWhere,
} from '#harness';

const services = servicesWhere((profile) => profile.successBody.wording === 'empty');

const clause = defineClause(import.meta.url, {
  title: 'A successful cancel answers an empty body: `{}` or nothing',
  strength: 'MUST',
  quote: 'If successful, the response body is empty.',
  sources: seedSources(services, (profile) => profile.successBody.quote),
  services,
  requires: 'cancellable-operation',
  calls: ['cancel'],
  method:
    'Cancels a running operation (or the one `--allow-cancel` names) and reads the body of the successful answer; `{}` and a zero-length body are both empty (google.protobuf.Empty).',
  meanings: {
    FAIL: 'The successful cancel answered a non-empty body.',
    NOT_APPLICABLE: 'The service does not support cancel.',
  },
});

// "Empty" is google.protobuf.Empty, whose JSON form is `{}`: both `{}` and a zero-length body
// conform, but google-gax turns a zero-length 200 into a retried UNAVAILABLE, hence the warning.
conformanceTest(clause, 'the success body is {} or zero-length', async (t) => {
  const { answer: result } = await t.acceptedCancel();
  if (result.text.trim() === '') {
    if (result.status === 200) {
      t.warn(
        'zero-length 200 body: conformant, but google-gax retries it as UNAVAILABLE and then fails; answer {} (or 204)',
      );
    }
    return;
  }
  if (!isEmptyJsonObject(result.json)) {
    t.fail(`cancel answered ${result.status} with ${result.text.slice(0, 300)}, not an empty body`);
  }
});
