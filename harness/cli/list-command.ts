/**
 * `lro-conformance list`: the clauses the suite checks, as the suites declare them (collected by
 * vitest, nothing imports a suite): id, strength, services, requirement and title as an aligned
 * table, or the ClauseInfo array as JSON (`--format json`) for tools.
 */
import type { ClauseInfo } from '#reports';
import { parseChoice, parseFlags } from '../options/index.ts';
import { collectClauses } from '../run/index.ts';

export const usage = `Usage: lro-conformance list [--format text|json]

Lists the clauses the suite checks: id, strength, services, what the clause requires to run,
and title. docs/CONFORMANCE.md has each clause's quote, sources and meaning.

  --format FORMAT   text (an aligned table, the default) or json (the clause metadata)
  -h, --help        this text`;

const FORMATS = ['text', 'json'] as const;

function servicesOf(clause: ClauseInfo): string {
  return clause.services === 'all' ? 'all' : clause.services.join(',');
}

export function clauseTable(clauses: readonly ClauseInfo[]): string {
  const header = ['id', 'strength', 'services', 'requires', 'title'];
  const rows = clauses.map((c) => [c.id, c.strength, servicesOf(c), c.requires, c.title]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, { format: { type: 'string' } });
  const format =
    flags.format === undefined ? 'text' : parseChoice('--format', flags.format, FORMATS);
  const clauses = await collectClauses();
  process.stdout.write(
    format === 'json' ? `${JSON.stringify(clauses, null, 2)}\n` : `${clauseTable(clauses)}\n`,
  );
  return 0;
}
