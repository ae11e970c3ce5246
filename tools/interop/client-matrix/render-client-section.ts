/**
 * One client's part of docs/CLIENTS.md: its service × call table over the four operation states,
 * the exact errors behind every ❌ with the way around them, and what each call put on the wire.
 */
import type { SeedServiceProfile } from '#specs';
import type { InteropTargetKind } from '../interop-targets.ts';
import type { CallSpec, ClientUnderTest } from './client-under-test.ts';
import type { Verdict } from './judge-call.ts';
import { MATRIX_STATES, type MatrixState } from './matrix-states.ts';
import type { ObservedCell } from './observe-client-matrix.ts';
import type { WireShape } from './run-cell.ts';

export const TARGET_LABEL: Readonly<Record<InteropTargetKind, string>> = {
  msw: 'MSW',
  loopback: 'loopback',
};

export interface SectionInput {
  readonly client: ClientUnderTest;
  readonly profiles: readonly SeedServiceProfile[];
  readonly targets: readonly InteropTargetKind[];
  readonly cell: (service: string, call: string, scenario: MatrixState) => ObservedCell | undefined;
}

export function renderClientSection(input: SectionInput): string[] {
  const { client, profiles } = input;
  const notes = new Footnotes();
  const rows = profiles.flatMap((profile) =>
    client.calls.map((call) => {
      const cells = MATRIX_STATES.map((scenario) => {
        const cell = input.cell(profile.id, call.id, scenario);
        return cell === undefined
          ? 'not run'
          : renderCell(cell, input.targets, (verdict) =>
              notes.add(verdict.detail, client.workaround(call, profile)),
            );
      });
      return `| ${profile.id} | ${call.label} | ${cells.join(' | ')} |`;
    }),
  );
  return [
    `## ${client.title}`,
    '',
    `Built as ${client.construction}.`,
    ...(client.lroNote === undefined ? [] : ['', `LRO helper: ${client.lroNote}`]),
    '',
    '| service | call | running | cancelled | completed despite cancel | failed |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...notes.render(),
    '',
    `What ${client.title} sent (as the MSW handlers saw it):`,
    '',
    '| service | call | method | path | body | content type |',
    '|---|---|---|---|---|---|',
    ...profiles.flatMap((profile) =>
      client.calls.flatMap((call) => wireRows(profile, call, input)),
    ),
    '',
  ];
}

function renderCell(
  cell: ObservedCell,
  targets: readonly InteropTargetKind[],
  footnote: (verdict: Verdict) => number,
): string {
  const seen = targets.flatMap((kind) => {
    const verdict = cell.byTarget[kind];
    return verdict === undefined ? [] : [{ kind, verdict }];
  });
  const text = ({ verdict }: { verdict: Verdict }) =>
    verdict.verdict === 'works' ? `✅ ${verdict.detail}` : `❌ [${footnote(verdict)}]`;
  const distinct = new Set(seen.map(text));
  if (distinct.size === 1) return [...distinct][0] ?? '';
  return seen.map((entry) => `${text(entry)} (${TARGET_LABEL[entry.kind]})`).join('; ');
}

function wireRows(profile: SeedServiceProfile, call: CallSpec, input: SectionInput): string[] {
  const shapes = new Map<string, WireShape>();
  for (const scenario of MATRIX_STATES) {
    for (const shape of input.cell(profile.id, call.id, scenario)?.wire ?? []) {
      shapes.set(JSON.stringify([shape.method, shape.path, shape.body, shape.contentType]), shape);
    }
  }
  if (shapes.size === 0) return [`| ${profile.id} | ${call.label} | nothing sent | | | |`];
  return [...shapes.values()].map(
    (shape) =>
      `| ${profile.id} | ${call.label} | ${shape.method} | \`${shape.path}\` | ${shape.body === '' ? '(none)' : `\`${shape.body}\``} | ${shape.contentType ?? '(none)'} |`,
  );
}

/** Numbered notes for the failures of one table, one per distinct error. */
class Footnotes {
  private readonly notes: { detail: string; workaround: string | undefined }[] = [];

  add(detail: string, workaround: string | undefined): number {
    const at = this.notes.findIndex((note) => note.detail === detail);
    if (at !== -1) return at + 1;
    this.notes.push({ detail, workaround });
    return this.notes.length;
  }

  render(): string[] {
    if (this.notes.length === 0) return [];
    return [
      '',
      ...this.notes.map(
        (note, index) =>
          `${index + 1}. \`${note.detail}\`${note.workaround === undefined ? '' : `<br>Workaround: ${note.workaround}`}`,
      ),
    ];
  }
}
