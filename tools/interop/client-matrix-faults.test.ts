/**
 * The client matrix catches a reference that breaks what real clients rely on: each case serves a
 * deliberately broken reference (harness/reference/faults) on the MSW target and checks that exactly the
 * calls the fault breaks turn ❌, with the clients' own errors, while the rest stay ✅. Without
 * this, a matrix that marked everything "works" would pass unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCE_FAULTS } from '../../harness/reference/faults/catalogue.ts';
import { gaxWithServiceRules } from './client-matrix/clients/gax-operations-clients.ts';
import { googleapisChecks } from './client-matrix/clients/googleapis-checks.ts';
import { observeClientMatrix } from './client-matrix/observe-client-matrix.ts';
import { InteropSetupError } from './interop-error.ts';
import { INTEROP_TARGETS } from './interop-targets.ts';

const msw = INTEROP_TARGETS.filter((target) => target.kind === 'msw');

function fault(id: string) {
  const found = REFERENCE_FAULTS.find((each) => each.id === id);
  if (found === undefined)
    throw new InteropSetupError(`No fault "${id}" in harness/reference/faults.`);
  return found;
}

const cases = [
  {
    fault: 'cancel-rejects-missing-body',
    service: 'checks',
    failing: ['googleapis-checks cancel'],
    detail: /^GaxiosError \(HTTP 400\)/,
  },
  {
    fault: 'cancel-rejects-empty-object-body',
    service: 'checks',
    failing: [
      'googleapis-checks cancel-empty-object',
      'gax-service-rules cancel',
      'gax-service-rules lro-cancel',
    ],
    detail: /INVALID_ARGUMENT|HTTP 400/,
  },
  {
    fault: 'cancel-rejects-empty-string-body',
    service: 'dai',
    failing: ['gax-service-rules cancel', 'gax-service-rules lro-cancel'],
    detail: /^GoogleError \(code 3 INVALID_ARGUMENT\)/,
  },
  {
    fault: 'cancelled-error-code-is-unknown',
    service: 'checks',
    failing: [
      'googleapis-checks get cancelled',
      'gax-service-rules get cancelled',
      'gax-service-rules check-progress cancelled',
      'gax-service-rules lro-promise running',
      'gax-service-rules lro-promise cancelled',
    ],
    detail:
      /^expected done, error\.code 1; got done, error\.code 2$|^GoogleError \(code 2 UNKNOWN\)/,
  },
] as const;

describe('client matrix over a broken reference', () => {
  it.for(cases)(
    'turns exactly the calls $fault breaks into failures on $service',
    { timeout: 60_000 },
    async ({ fault: id, service, failing, detail }) => {
      const matrix = await observeClientMatrix({
        clients: [googleapisChecks, gaxWithServiceRules],
        targets: msw,
        services: [service],
        targetOptions: { fault: fault(id) },
      });
      const failed = matrix.cells.filter((cell) => cell.byTarget.msw?.verdict === 'fails');
      // An entry names a call in every state ("client call") or in one ("client call state").
      const expected = matrix.cells.filter((cell) =>
        (failing as readonly string[]).some(
          (entry) =>
            entry === `${cell.client} ${cell.call}` ||
            entry === `${cell.client} ${cell.call} ${cell.scenario}`,
        ),
      );

      expect(expected.length).toBeGreaterThan(0);
      expect(failed.map((cell) => `${cell.client} ${cell.call} ${cell.scenario}`)).toEqual(
        expected.map((cell) => `${cell.client} ${cell.call} ${cell.scenario}`),
      );
      for (const cell of failed) expect(cell.byTarget.msw?.detail).toMatch(detail);
    },
  );
});
