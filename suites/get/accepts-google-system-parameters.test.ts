import { conformanceTest, defineClause } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    "GetOperation and cancel accept Google's system parameters (`$alt`, `alt`, `prettyPrint`, `$.xgafv`, `fields`)",
  strength: 'SHOULD',
  quote: 'These parameters are available across all Google REST APIs and gRPC APIs.',
  sources: [
    {
      kind: 'client',
      ref: 'https://cloud.google.com/apis/docs/system-parameters',
      title:
        'Google Cloud APIs: System parameters ("they are often used by Google-provided client libraries")',
    },
    {
      kind: 'client',
      ref: 'https://github.com/googleapis/gax-nodejs',
      title: 'google-gax REST transport: `$alt=json;enum-encoding=int` on every call',
    },
    {
      kind: 'client',
      ref: 'https://github.com/googleapis/google-api-python-client',
      title: 'googleapis Discovery clients: `alt=json` on every call',
    },
  ],
  services: 'all',
  requires: 'control',
  calls: ['get', 'cancel'],
  method:
    'Creates a running operation and reads it with GetOperation once per system parameter (`$alt=json;enum-encoding=int`, as google-gax sends on every call; `alt=json`, as the Python Discovery client does; `prettyPrint=false`; `$.xgafv=2`; `fields=name,done,error,response`), then cancels it with `$alt`, `prettyPrint` and `$.xgafv`; every answer is read as without them, and the cancel is followed through until it shows.',
  meanings: {
    FAIL: 'A GetOperation or cancel with a system parameter was refused (such as 400 "Cannot bind query parameter"), answered no valid Operation, or the cancel ended the operation neither cancelled nor completed.',
    NOT_APPLICABLE: 'The service does not support cancel.',
    INCONCLUSIVE: 'The accepted cancel had not shown through GetOperation by the deadline.',
  },
  derivation:
    'The service pages say "The URL uses gRPC Transcoding syntax"; Google\'s API platform adds system parameters to every method of every REST API ("These parameters are available across all Google REST APIs and gRPC APIs"), and official clients send some on every call (google-gax `$alt=json;enum-encoding=int`, googleapis Discovery clients `alt=json`): a server that refuses them cannot be used by those clients.',
});

/** One system parameter per read: each is sent by some client on its own. */
const READS: readonly Readonly<Record<string, string>>[] = [
  { $alt: 'json;enum-encoding=int' },
  { alt: 'json' },
  { prettyPrint: 'false' },
  { '$.xgafv': '2' },
  { fields: 'name,done,error,response' },
];

const CANCEL = { $alt: 'json;enum-encoding=int', prettyPrint: 'false', '$.xgafv': '2' };

conformanceTest(
  clause,
  'GetOperation and cancel with system parameters answer as without them',
  async (t) => {
    const name = await t.createOperation('running');
    // Each read is checked as every read is: a valid Operation under the name asked.
    for (const query of READS) await t.getOperation(name, { query });
    await t.cancelAccepted(name, { query: CANCEL });
  },
);
