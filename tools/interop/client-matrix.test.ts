/**
 * The official Node clients against the reference, all of them, every call on every state, on
 * both targets (client-matrix/): one run, then what it must show, then docs/CLIENTS.md compared
 * with what this run renders. The claims are the ones a client developer needs before production:
 * @google-ads/admanager cannot cancel (it throws before sending anything: its REST configuration
 * binds only GetOperation); the Discovery clients (googleapis, @googleapis/checks) get and cancel
 * with or without a body; google-gax's OperationsClient works everywhere with the service's HTTP
 * rules and, with its built-in ones, reaches no operation by get and cancels only `operations/**`
 * names.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import { pathOf } from '../../harness/reference/fixtures/test-kit.ts';
import { mintOperationName } from '../../harness/reference/model/operation-name.ts';
import { CLIENTS_DOC } from '../generate/generate-clients-doc.ts';
import {
  type ClientMatrix,
  type ObservedCell,
  observeClientMatrix,
} from './client-matrix/observe-client-matrix.ts';
import { renderClientsDoc } from './client-matrix/render-clients-doc.ts';
import { requireProfile } from './interop-fixture.ts';

const profiles = loadServiceProfiles();
const cancelCalls = ['cancel', 'lro-cancel'];

describe('official Node clients against the reference', () => {
  let matrix: ClientMatrix;
  beforeAll(async () => {
    matrix = await observeClientMatrix();
  }, 180_000);

  const cellsOf = (client: string, filter: (cell: ObservedCell) => boolean = () => true) =>
    matrix.cells.filter((cell) => cell.client === client && filter(cell));
  const verdicts = (cells: readonly ObservedCell[]) =>
    new Set(cells.flatMap((cell) => Object.values(cell.byTarget).map((v) => v.verdict)));

  it('observes every cell on both targets with the same verdict', () => {
    expect(matrix.cells.length).toBeGreaterThan(0);
    for (const cell of matrix.cells) {
      const { msw, loopback } = cell.byTarget;
      expect(msw?.verdict, `${JSON.stringify(cell)}`).toBeDefined();
      expect(loopback?.verdict, `${JSON.stringify(cell)}`).toBe(msw?.verdict);
    }
  });

  it('sees @google-ads/admanager throw before sending any cancel, in every state', () => {
    const name = 'networks/ref/operations/reports/runs/admanager-1';
    const cancels = cellsOf('admanager-gapic', (cell) => cancelCalls.includes(cell.call));

    expect(cancels).toHaveLength(8);
    for (const cell of cancels) {
      expect(cell.byTarget.msw).toEqual({
        verdict: 'fails',
        detail: `Error: Cannot build HTTP request for {"name":"${name}"}, method: CancelOperation`,
      });
      expect(cell.wire.filter((request) => request.method === 'POST')).toEqual([]);
    }
  });

  it('sees @google-ads/admanager get, check progress and settle promise() in every state', () => {
    const others = cellsOf('admanager-gapic', (cell) => !cancelCalls.includes(cell.call));

    expect(others).toHaveLength(12);
    expect(verdicts(others)).toEqual(new Set(['works']));
  });

  it.for(['googleapis', 'googleapis-checks'])(
    'sees %s get, and cancel with no body or with {}, in every state',
    (client) => {
      const cells = cellsOf(client);

      expect(verdicts(cells)).toEqual(new Set(['works']));
      for (const cell of cells.filter((each) => each.call.startsWith('cancel'))) {
        const profile = requireProfile(cell.service);
        const withBody = cell.call === 'cancel-empty-object';
        expect(cell.wire).toEqual([
          {
            method: 'POST',
            path: pathOf(profile.cancel, mintOperationName(profile.nameTemplate, profile.id, 1)),
            body: withBody ? '{}' : '',
            contentType: withBody ? 'application/json' : null,
            sentToken: true,
          },
        ]);
      }
    },
  );

  it('sees the full googleapis package reach checks and datafusion only', () => {
    expect(new Set(cellsOf('googleapis').map((cell) => cell.service))).toEqual(
      new Set(['checks', 'datafusion']),
    );
  });

  it('sees google-gax with the service’s HTTP rules make every call work on every service', () => {
    const cells = cellsOf('gax-service-rules');

    expect(new Set(cells.map((cell) => cell.service))).toEqual(
      new Set(profiles.map((profile) => profile.id)),
    );
    expect(verdicts(cells)).toEqual(new Set(['works']));
    for (const cell of cells.filter((each) => each.call === 'cancel')) {
      const profile = requireProfile(cell.service);
      expect(cell.wire.map((request) => request.body)).toEqual([
        profile.cancel.body === '*' ? '{}' : '""',
      ]);
    }
  });

  it('sees google-gax with its built-in rules get nothing, and cancel only operations/** names', () => {
    for (const profile of profiles) {
      const cells = cellsOf('gax-default-rules', (cell) => cell.service === profile.id);
      const cancels = cells.filter((cell) => cell.call === 'cancel');
      const rest = cells.filter((cell) => cell.call !== 'cancel');
      const reachesCancel = profile.cancel.httpRule.startsWith('/v1/{name=operations/**}');

      expect(verdicts(rest), profile.id).toEqual(new Set(['fails']));
      for (const cell of rest) {
        expect(cell.byTarget.msw?.detail, profile.id).toMatch(/^GoogleError \(code 5 NOT_FOUND\)/);
        expect(cell.wire[0]?.path, profile.id).toMatch(/^\/v1\/operations\/[^/]+%2F[^/]+$/);
      }
      expect(verdicts(cancels), profile.id).toEqual(new Set([reachesCancel ? 'works' : 'fails']));
    }
  });

  it('sees every request carry the bearer token', () => {
    const requests = matrix.cells.flatMap((cell) => cell.wire);

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.sentToken)).toBe(true);
  });

  it('renders docs/CLIENTS.md as committed (run `npm run generate` when it is not)', () => {
    const committed = readFileSync(CLIENTS_DOC, 'utf8');

    expect(
      renderClientsDoc(matrix) === committed,
      'docs/CLIENTS.md differs from what the clients did: run `npm run generate` and commit it',
    ).toBe(true);
  });

  it('renders a different doc when a single cell changes', () => {
    const [first, ...rest] = matrix.cells;
    if (first === undefined) throw new Error('no cells observed');
    const flipped: ObservedCell = {
      ...first,
      byTarget: { ...first.byTarget, msw: { verdict: 'fails', detail: 'injected' } },
    };

    expect(renderClientsDoc({ ...matrix, cells: [flipped, ...rest] })).not.toBe(
      readFileSync(CLIENTS_DOC, 'utf8'),
    );
  });
});
