/**
 * Drift detection on stored and mutated Discovery documents: the two stored Data Fusion
 * revisions are real drift, each mutation shows one kind of change detected, and unchanged or
 * only cosmetically changed documents show none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '#base';
import type { ClauseInfo } from '#reports';
import { serviceProfile } from '#specs';
import { collectClauses } from '../run/collect-clauses.ts';
import type { DriftChange } from './drift-change.ts';
import {
  adManagerShaped,
  adsDataHubShaped,
  CHECKS,
  edited,
  FUSION_METHODS,
  FUSION_NEW,
  FUSION_OLD,
  reworded,
  stored,
  UNSET,
} from './fixtures/discovery-documents.ts';
import { serviceDrift } from './service-drift.ts';

let clauses: readonly ClauseInfo[] = [];
beforeAll(async () => {
  clauses = await collectClauses();
}, 60_000);

function drift(service: string, live: unknown): DriftChange[] {
  const profile = serviceProfile(service);
  if (profile === undefined) throw new Error(`no service ${service}`);
  return serviceDrift({ profile, live, liveLabel: 'live.json', clauses });
}

const brief = (changes: readonly DriftChange[]) =>
  changes.map((c) => [c.check, c.level, c.subject, c.before, c.after]);

const CANCEL = [...FUSION_METHODS, 'cancel'];
const LIST = [...FUSION_METHODS, 'list'];
const SCHEMAS = ['schemas'];
const ID = 'datafusion.projects.locations.operations';
const ERROR_CODE_1 = 'cancel/cancelled-operation-has-error-code-1';

describe('drift against stored documents', () => {
  it.for([
    ['checks', CHECKS],
    ['datafusion', FUSION_NEW],
  ] as const)('finds none between %s and the revision it records', ([service, file]) => {
    expect(drift(service, stored(file))).toEqual([]);
  });

  it('finds the real drift of the older datafusion revision: list has no returnPartialSuccess', () => {
    expect(brief(drift('datafusion', stored(FUSION_OLD)))).toEqual([
      ['query-parameter-removed', 'changed', `${ID}.list`, 'boolean', 'absent'],
    ]);
  });

  it('finds none for services without a stored revision, in the shape Google prints', () => {
    expect(drift('adsdatahub', adsDataHubShaped())).toEqual([]);
    expect(drift('admanager', adManagerShaped())).toEqual([]);
  });

  it('ignores revision, etag, unrelated methods and schemas, undescribed text and formatting', () => {
    const cosmetic = edited(
      reworded(FUSION_NEW, CANCEL, (text) =>
        text.replaceAll('`', '').replaceAll(' ', '\n  ').replace('code of 1', 'code of `1`'),
      ),
      [['revision'], '20991231'],
      [['etag'], '"abc"'],
      [['description'], 'Another API description.'],
      [
        [...FUSION_METHODS.slice(0, 4), 'resources', 'instances', 'methods', 'get', 'httpMethod'],
        'PUT',
      ],
      [[...SCHEMAS, 'Instance'], { id: 'Instance', type: 'object', properties: {} }],
      [[...FUSION_METHODS, 'get', 'description'], 'Reads one operation.'],
      [[...SCHEMAS, 'Operation', 'properties', 'response', 'description'], 'The result.'],
    );
    expect(drift('datafusion', cosmetic)).toEqual([]);
  });
});

describe('each kind of spec drift', () => {
  const cases: readonly [string, JsonObject, readonly unknown[], readonly string[]][] = [
    [
      'a relied-on method removed',
      edited(stored(FUSION_NEW), [[...FUSION_METHODS, 'get'], UNSET]),
      ['method-removed', 'breaking', `${ID}.get`, 'declared', 'absent'],
      [ERROR_CODE_1, 'errors/malformed-name-is-rejected', 'get/operation-has-valid-shape'],
    ],
    [
      'another operations method removed',
      edited(stored(FUSION_NEW), [[...FUSION_METHODS, 'delete'], UNSET]),
      ['method-removed', 'changed', `${ID}.delete`, 'declared', 'absent'],
      [],
    ],
    [
      'a method added',
      edited(stored(FUSION_NEW), [
        [...FUSION_METHODS, 'wait'],
        { id: `${ID}.wait`, httpMethod: 'POST' },
      ]),
      ['method-added', 'info', `${ID}.wait`, 'absent', 'declared'],
      [],
    ],
    [
      'an HTTP method',
      edited(stored(FUSION_NEW), [[...CANCEL, 'httpMethod'], 'PUT']),
      ['http-method-changed', 'breaking', `${ID}.cancel`, 'POST', 'PUT'],
      [ERROR_CODE_1, 'cancel/unsupported-cancel-answers-unimplemented'],
    ],
    [
      'a path',
      edited(stored(FUSION_NEW), [[...CANCEL, 'path'], 'v1/{+name}:stop']),
      ['path-changed', 'breaking', `${ID}.cancel`, 'v1/{+name}:cancel', 'v1/{+name}:stop'],
      [ERROR_CODE_1],
    ],
    [
      'a flatPath',
      edited(stored(FUSION_NEW), [
        [...CANCEL, 'flatPath'],
        'v1/projects/{projectsId}/operations/{operationsId}:cancel',
      ]),
      [
        'flat-path-changed',
        'changed',
        `${ID}.cancel`,
        'v1/projects/{projectsId}/locations/{locationsId}/operations/{operationsId}:cancel',
        'v1/projects/{projectsId}/operations/{operationsId}:cancel',
      ],
      [ERROR_CODE_1],
    ],
    [
      "the name parameter's pattern",
      edited(stored(FUSION_NEW), [
        [...CANCEL, 'parameters', 'name', 'pattern'],
        '^projects/[^/]+/operations/[^/]+$',
      ]),
      [
        'name-pattern-changed',
        'breaking',
        `${ID}.cancel`,
        '^projects/[^/]+/locations/[^/]+/operations/[^/]+$',
        '^projects/[^/]+/operations/[^/]+$',
      ],
      ['errors/unknown-name-answers-not-found'],
    ],
    [
      'a request type',
      edited(stored(FUSION_NEW), [[...CANCEL, 'request'], UNSET]),
      ['request-type-changed', 'breaking', `${ID}.cancel`, 'CancelOperationRequest', 'absent'],
      ['cancel/accepts-empty-json-object-body', 'cancel/unknown-body-field-is-rejected'],
    ],
    [
      'a response type',
      edited(stored(FUSION_NEW), [[...CANCEL, 'response'], { $ref: 'Operation' }]),
      ['response-type-changed', 'breaking', `${ID}.cancel`, 'Empty', 'Operation'],
      ['cancel/success-body-is-empty-json-object'],
    ],
    [
      'the scopes',
      edited(stored(FUSION_NEW), [
        [...CANCEL, 'scopes'],
        ['https://www.googleapis.com/auth/datafusion'],
      ]),
      [
        'scopes-changed',
        'changed',
        `${ID}.cancel`,
        'https://www.googleapis.com/auth/cloud-platform',
        'https://www.googleapis.com/auth/datafusion',
      ],
      [ERROR_CODE_1],
    ],
    [
      'a query parameter added',
      edited(stored(FUSION_NEW), [
        [...LIST, 'parameters', 'orderBy'],
        { location: 'query', type: 'string' },
      ]),
      ['query-parameter-added', 'info', `${ID}.list`, 'absent', 'string'],
      [],
    ],
    [
      'a query parameter type',
      edited(stored(FUSION_NEW), [
        [...LIST, 'parameters', 'pageSize'],
        { location: 'query', type: 'string' },
      ]),
      ['query-parameter-type-changed', 'changed', `${ID}.list`, 'integer/int32', 'string'],
      [],
    ],
    [
      'a property added to Empty',
      edited(stored(FUSION_NEW), [[...SCHEMAS, 'Empty', 'properties', 'etag'], { type: 'string' }]),
      ['schema-property-added', 'breaking', 'schema Empty', 'absent', 'declared'],
      ['cancel/success-body-is-empty', 'cancel/success-body-is-empty-json-object'],
    ],
    [
      'a property added to Operation',
      edited(stored(FUSION_NEW), [
        [...SCHEMAS, 'Operation', 'properties', 'etag'],
        { type: 'string' },
      ]),
      ['schema-property-added', 'info', 'schema Operation', 'absent', 'declared'],
      ['get/operation-has-valid-shape'],
    ],
    [
      'a property removed from Status',
      edited(stored(FUSION_NEW), [[...SCHEMAS, 'Status', 'properties', 'details'], UNSET]),
      ['schema-property-removed', 'breaking', 'schema Status', 'declared', 'absent'],
      [ERROR_CODE_1, 'get/operation-has-valid-shape'],
    ],
    [
      'a property type',
      edited(stored(FUSION_NEW), [
        [...SCHEMAS, 'Status', 'properties', 'code'],
        {
          description: 'The status code, which should be an enum value of google.rpc.Code.',
          type: 'string',
        },
      ]),
      ['schema-property-type-changed', 'breaking', 'schema Status', 'integer/int32', 'string'],
      [ERROR_CODE_1],
    ],
  ];

  it.for(cases)('detects %s', ([, live, expected, someClauses]) => {
    const changes = drift('datafusion', live);
    expect(brief(changes)).toEqual([expected]);
    expect(changes[0]?.clauses).toEqual(expect.arrayContaining([...someClauses]));
    if (someClauses.length === 0) expect(changes[0]?.clauses).toEqual([]);
  });

  it('reads the loose ** pattern as the same binding but a changed one as drift', () => {
    const narrowed = edited(adsDataHubShaped(), [
      ['resources', 'operations', 'methods', 'cancel', 'parameters', 'name', 'pattern'],
      '^operations/[^/]+$',
    ]);
    expect(brief(drift('adsdatahub', narrowed))).toEqual([
      [
        'name-pattern-changed',
        'breaking',
        'adsdatahub.operations.cancel',
        '^operations(?:/[^/]+)*$',
        '^operations/[^/]+$',
      ],
    ]);
  });
});

describe('text drift', () => {
  it('shows the old and new sentence when a quoted sentence is reworded', () => {
    const live = reworded(FUSION_NEW, CANCEL, (text) => text.replace('code of `1`', 'code of `2`'));
    const [change, ...rest] = drift('datafusion', live);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      check: 'quoted-text-changed',
      level: 'breaking',
      subject: `${ID}.cancel description`,
      clauses: [ERROR_CODE_1],
      quote:
        'it becomes an operation with an Operation.error value with a google.rpc.Status.code of 1, corresponding to Code.CANCELLED.',
    });
    expect(change?.before).toContain(
      'google.rpc.Status.code of 1, corresponding to Code.CANCELLED.',
    );
    expect(change?.after).toContain(
      'google.rpc.Status.code of 2, corresponding to Code.CANCELLED.',
    );
    expect(change?.summary).toContain(
      'the MUST of cancel/cancelled-operation-has-error-code-1 may no longer hold',
    );
  });

  it('names every clause that quotes a sentence that is gone', () => {
    const live = reworded(FUSION_NEW, CANCEL, (text) =>
      text.replace(/Clients can use[^.]*\.[^.]*\. /, ''),
    );
    const [change, ...rest] = drift('datafusion', live);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      check: 'quoted-text-removed',
      level: 'breaking',
      after: 'absent',
      clauses: [
        'cancel/cancellation-is-observed-through-get-operation',
        'cancel/completed-operation-is-unchanged-by-cancel',
      ],
    });
  });

  it('reports a SHOULD clause whose quoted schema description moved as changed', () => {
    const live = edited(stored(FUSION_NEW), [
      [...SCHEMAS, 'Operation', 'properties', 'done', 'description'],
      'If the value is `false`, the operation is still running. If `true`, it has finished.',
    ]);
    expect(brief(drift('datafusion', live))).toEqual([
      [
        'quoted-text-changed',
        'changed',
        'schema Operation property done description',
        'If the value is false, it means the operation is still in progress. If true, the operation is completed, and either error or response is available.',
        'If the value is false, the operation is still running. If true, it has finished.',
      ],
    ]);
  });

  it('reports a quoted sentence as gone when its description was dropped altogether', () => {
    const live = edited(stored(FUSION_NEW), [
      [...SCHEMAS, 'Operation', 'properties', 'done', 'description'],
      UNSET,
    ]);
    expect(
      brief(drift('datafusion', live)).map(([check, level, subject, , after]) => [
        check,
        level,
        subject,
        after,
      ]),
    ).toEqual([
      ['quoted-text-removed', 'changed', 'schema Operation property done description', 'absent'],
    ]);
  });

  it('checks every place a quote was found, and services without a stored revision too', () => {
    const checks = stored(CHECKS);
    const privacy = [
      'resources',
      'projects',
      'resources',
      'privacypolicy',
      'resources',
      'operations',
      'methods',
      'cancel',
      'description',
    ];
    const live = edited(checks, [privacy, 'Cancels an operation.']);
    expect(drift('checks', live).map((c) => [c.check, c.subject])).toEqual(
      expect.arrayContaining([
        ['quoted-text-removed', 'checks.projects.privacypolicy.operations.cancel description'],
      ]),
    );
    const ads = edited(adsDataHubShaped(), [
      ['resources', 'operations', 'methods', 'cancel', 'description'],
      'Cancels an operation.',
    ]);
    expect(drift('adsdatahub', ads).length).toBeGreaterThan(3);
  });
});
