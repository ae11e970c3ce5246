import {
  conformanceTest,
  defineClause,
  isEmptyJsonObject,
  seedSources,
  servicesWhere,
} from '#harness';

const services = servicesWhere((profile) => profile.successBody.wording === 'empty-json-object');

const clause = defineClause(import.meta.url, {
  title: 'A successful cancel answers the empty JSON object `{}`',
  strength: 'MUST',
  quote: 'If successful, the response body is an empty JSON object.',
  sources: seedSources(services),
  services,
  requires: 'cancellable-operation',
  calls: ['cancel'],
  method:
    'Cancels a running operation (or the one `--allow-cancel` names) and reads the body of the successful answer.',
  meanings: {
    FAIL: 'The successful cancel answered something other than `{}` (a zero-length body included).',
    NOT_APPLICABLE: 'The service does not support cancel.',
  },
});

conformanceTest(clause, 'the success body is exactly {}', async (t) => {
  const { answer: result } = await t.acceptedCancel();
  if (result.text.trim() === '') {
    t.fail(`cancel answered ${result.status} with a zero-length body, not {}`);
  }
  if (!isEmptyJsonObject(result.json)) {
    t.fail(`cancel answered ${result.status} with ${result.text.slice(0, 300)}, not {}`);
  }
});
