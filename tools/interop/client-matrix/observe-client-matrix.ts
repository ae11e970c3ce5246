/**
 * Runs the client matrix: every client of matrix-clients.ts, for every service it reaches, makes
 * each of its calls on an operation in each of the four states, against the MSW handlers and then
 * against the HTTP server (interop-targets.ts), one target at a time (a started MSW target would
 * intercept the server's requests). Each cell gets its own operation; a client is built once per
 * service and target. The result is plain data, in a fixed order, for tests and docs/CLIENTS.md.
 */
import type { SeedServiceProfile } from '#specs';
import { requireProfile } from '../interop-fixture.ts';
import {
  INTEROP_TARGETS,
  type InteropTarget,
  type InteropTargetKind,
  type InteropTargetOptions,
} from '../interop-targets.ts';
import type { ClientUnderTest } from './client-under-test.ts';
import type { Verdict } from './judge-call.ts';
import { MATRIX_CLIENTS } from './matrix-clients.ts';
import { MATRIX_STATES, type MatrixState } from './matrix-states.ts';
import { runCell, type WireShape } from './run-cell.ts';

export interface CellKey {
  readonly client: string;
  readonly service: string;
  readonly call: string;
  readonly scenario: MatrixState;
}

export interface ObservedCell extends CellKey {
  readonly byTarget: Readonly<Partial<Record<InteropTargetKind, Verdict>>>;
  /** What the call sent, as the MSW target saw it; empty when it sent nothing. */
  readonly wire: readonly WireShape[];
}

export interface ClientMatrix {
  readonly clients: readonly ClientUnderTest[];
  readonly targets: readonly InteropTargetKind[];
  readonly cells: readonly ObservedCell[];
}

export interface ObserveOptions {
  readonly clients?: readonly ClientUnderTest[];
  readonly targets?: typeof INTEROP_TARGETS;
  readonly targetOptions?: InteropTargetOptions;
  /** Only these services (by id) of each client. */
  readonly services?: readonly string[];
}

export async function observeClientMatrix(options: ObserveOptions = {}): Promise<ClientMatrix> {
  const clients = options.clients ?? MATRIX_CLIENTS;
  const targets = options.targets ?? INTEROP_TARGETS;
  const cells = new Map<
    string,
    { key: CellKey; byTarget: Record<string, Verdict>; wire: WireShape[] }
  >();
  for (const { kind, start } of targets) {
    const target = await start(options.targetOptions);
    try {
      for (const client of clients) {
        const services = client.services().filter((id) => options.services?.includes(id) ?? true);
        for (const service of services) {
          await observeClient(target, client, requireProfile(service), (key, run) => {
            const id = keyOf(key);
            const cell = cells.get(id) ?? { key, byTarget: {}, wire: [] };
            cell.byTarget[kind] = { verdict: run.verdict, detail: run.detail };
            if (run.wire !== undefined) cell.wire.push(...run.wire);
            cells.set(id, cell);
          });
        }
      }
    } finally {
      await target.close();
    }
  }
  return {
    clients,
    targets: targets.map((target) => target.kind),
    cells: [...cells.values()].map(({ key, byTarget, wire }) => ({ ...key, byTarget, wire })),
  };
}

async function observeClient(
  target: InteropTarget,
  client: ClientUnderTest,
  profile: SeedServiceProfile,
  record: (key: CellKey, run: Awaited<ReturnType<typeof runCell>>) => void,
): Promise<void> {
  const open = await client.open(target, profile);
  try {
    for (const call of client.calls) {
      for (const scenario of MATRIX_STATES) {
        const run = await runCell(target, profile, open, call, scenario);
        record({ client: client.id, service: profile.id, call: call.id, scenario }, run);
      }
    }
  } finally {
    await open.close();
  }
}

export function keyOf(key: CellKey): string {
  return [key.client, key.service, key.call, key.scenario].join(' ');
}

/** The cell of a key, or `undefined` when the matrix has none. */
export function cellAt(matrix: ClientMatrix, key: CellKey): ObservedCell | undefined {
  const id = keyOf(key);
  return matrix.cells.find((cell) => keyOf(cell) === id);
}
