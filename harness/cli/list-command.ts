/**
 * `lro-conformance list`: the clauses the suite checks, as the suites declare them (collected by
 * vitest, nothing imports a suite): id, strength, services, requirement and title as an aligned
 * table, or the ClauseInfo array as JSON (`--format json`) for tools. With `--service-document`,
 * one more column per document says whether each clause runs on its service, does not apply, or
 * cannot run there and why; with `--catalogue`, the catalogue instead (catalogue-table.ts).
 */
import type { ClauseInfo } from '#reports';
import { type ServiceProfile, serviceProfile } from '#specs';
import { FLAG_TERMS, parseChoice, parseFlags, runProfiles } from '../options/index.ts';
import { clauseApplicability } from '../plan/index.ts';
import { collectClauses } from '../run/index.ts';
import { catalogueJson, catalogueTable } from './catalogue-table.ts';
import { alignedColumns } from './text-columns.ts';

export const usage = `Usage: lro-conformance list [--format text|json] [--service-document FILE]... [--catalogue]

Lists the clauses the suite checks: id, strength, services, what the clause requires to run,
and title. docs/CONFORMANCE.md has each clause's quote, sources and meaning.

  --format FORMAT           text (an aligned table, the default) or json (the clause metadata)
  --service-document FILE   your own service's Discovery or OpenAPI document: one more column
                            says, for its service, whether each clause runs, does not apply (N/A)
                            or cannot run there and why (docs/SERVICE-DOCUMENTS.md; repeatable)
  --catalogue               list the catalogue instead: every Google API that publishes a cancel,
                            one line each: name, version, name shapes, body rule, text status and
                            the clauses that run (docs/CATALOGUE.md)
  -h, --help                this text`;

const FORMATS = ['text', 'json'] as const;

function servicesOf(clause: ClauseInfo): string {
  return clause.services === 'all' ? 'all' : clause.services.join(',');
}

/** `runs`, `N/A` or `cannot run`: what a clause does on one service. */
function cellWord(clause: ClauseInfo, profile: ServiceProfile): string {
  const { kind } = clauseApplicability(clause, profile);
  return kind === 'runs' ? 'runs' : kind === 'not-applicable' ? 'N/A' : 'cannot run';
}

export function clauseTable(
  clauses: readonly ClauseInfo[],
  profiles: readonly ServiceProfile[] = [],
): string {
  const header = ['id', 'strength', 'services', 'requires', ...profiles.map((p) => p.id), 'title'];
  const rows = clauses.map((c) => [
    c.id,
    c.strength,
    servicesOf(c),
    c.requires,
    ...profiles.map((profile) => cellWord(c, profile)),
    c.title,
  ]);
  const table = alignedColumns(header, rows);
  return [...table, ...reasonLines(clauses, profiles)].join('\n');
}

/** Why each clause that does not run on a document's service does not. */
function reasonLines(
  clauses: readonly ClauseInfo[],
  profiles: readonly ServiceProfile[],
): string[] {
  const lines = profiles.flatMap((profile) =>
    clauses.flatMap((clause) => {
      const applicability = clauseApplicability(clause, profile);
      return applicability.kind === 'runs'
        ? []
        : [`  ${profile.id}  ${clause.id}: ${applicability.reason}`];
    }),
  );
  return lines.length === 0 ? [] : ['', "Not run on the documents' services:", ...lines];
}

export async function main(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    format: { type: 'string' },
    'service-document': { type: 'string', multiple: true },
    catalogue: { type: 'boolean' },
  });
  const format =
    flags.format === undefined ? 'text' : parseChoice('--format', flags.format, FORMATS);
  const documents = flags['service-document'] ?? [];
  const added = runProfiles(
    {
      ...(flags.catalogue === true ? { catalogue: true } : {}),
      ...(documents.length === 0 ? {} : { serviceDocuments: documents }),
    },
    FLAG_TERMS,
  );
  const clauses = await collectClauses(added);
  if (flags.catalogue === true) {
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(catalogueJson(clauses), null, 2)}\n`
        : `${catalogueTable(clauses)}\n`,
    );
    return 0;
  }
  const columns = documents.length === 0 ? [] : added.flatMap((p) => serviceProfile(p.id) ?? []);
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify(clauses, null, 2)}\n`
      : `${clauseTable(clauses, columns)}\n`,
  );
  return 0;
}
