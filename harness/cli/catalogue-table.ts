/**
 * `lro-conformance list --catalogue`: every API of the catalogue (specs/catalogue/), one line
 * each, its Discovery name first: version, the document it comes from, its name shapes, the body
 * rule of its cancels, how its cancel text compares with the standard one, and what the suite
 * makes of it (catalogue-summary.ts). Then why clauses cannot run where they cannot, and the
 * counts. docs/CATALOGUE.md says the same, with the reference run's result.
 */
import { plural } from '#base';
import type { ClauseInfo } from '#reports';
import { type CatalogueEntry, catalogueEntries, SHAPE_FAMILIES } from '#specs';
import { cannotRunReasons, type EntryJudgement, judgeEntry } from '../plan/index.ts';
import { alignedColumns } from './text-columns.ts';

function documentOf(entry: CatalogueEntry): string {
  const { document } = entry;
  return document.kind === 'discovery'
    ? `discovery ${document.revision ?? ''}`.trim()
    : 'service config';
}

function shapesOf(entry: CatalogueEntry): string {
  const [first, ...rest] = entry.shapes;
  return rest.length === 0 ? (first ?? '') : `${first} (+${rest.length})`;
}

function textOf(entry: CatalogueEntry): string {
  const { texts } = entry;
  const total = texts.standard + texts['non-standard'] + texts.none;
  return entry.textStatus === 'non-standard' && total > 1
    ? `non-standard (${texts['non-standard']} of ${total})`
    : entry.textStatus;
}

function judgedOf(judgement: EntryJudgement): string {
  if (judgement.kind === 'refused') return 'refused';
  const parts = [`${judgement.runs.length} run`];
  if (judgement.notApplicable.length > 0) parts.push(`${judgement.notApplicable.length} N/A`);
  if (judgement.cannotRun.length > 0) parts.push(`${judgement.cannotRun.length} cannot run`);
  return parts.join(' · ');
}

export function catalogueTable(clauses: readonly ClauseInfo[]): string {
  const entries = catalogueEntries();
  const judged = entries.map((entry) => ({ entry, judgement: judgeEntry(entry, clauses) }));
  const header = ['api', 'version', 'document', 'shape', 'body', 'text', 'clauses'];
  const rows = judged.map(({ entry, judgement }) => [
    entry.id,
    entry.version,
    documentOf(entry),
    shapesOf(entry),
    entry.body,
    textOf(entry),
    judgedOf(judgement),
  ]);
  const table = alignedColumns(header, rows);
  const notes = judged.flatMap(({ entry, judgement }) =>
    judgement.kind === 'refused'
      ? [`  ${entry.id}: refused: ${judgement.reason}`]
      : cannotRunReasons(judgement).map((reason) => {
          const count = judgement.cannotRun.filter((each) => each.reason === reason).length;
          return `  ${entry.id}: ${plural(count, 'clause')} cannot run: ${reason}`;
        }),
  );
  return [...table, '', ...notes, '', ...countLines(entries, judged)].join('\n');
}

function countLines(
  entries: readonly CatalogueEntry[],
  judged: readonly { readonly judgement: EntryJudgement }[],
): string[] {
  const profiles = judged.filter(({ judgement }) => judgement.kind === 'checked').length;
  const limited = judged.filter(
    ({ judgement }) => judgement.kind === 'checked' && judgement.cannotRun.length > 0,
  ).length;
  const discovery = entries.filter((entry) => entry.document.kind === 'discovery');
  const families = SHAPE_FAMILIES.map(
    (family) =>
      `${family.shape} ${discovery.filter((entry) => entry.families.includes(family.id)).length}`,
  );
  return [
    `${plural(entries.length, 'API')} (${discovery.length} with a Discovery document, ${entries.length - discovery.length} from a service configuration only): ${plural(profiles, 'profile')}, ${limited} with clauses that cannot run, ${entries.length - profiles} refused.`,
    `APIs per name shape (Discovery documents; an API may have several): ${families.join(', ')}.`,
  ];
}

/** The same as JSON, for tools. */
export function catalogueJson(clauses: readonly ClauseInfo[]): unknown[] {
  return catalogueEntries().map((entry) => {
    const judgement = judgeEntry(entry, clauses);
    const { outcome: _outcome, published: _published, ...facts } = entry;
    return {
      ...facts,
      ...(judgement.kind === 'refused'
        ? { refused: judgement.reason }
        : {
            nameTemplate: judgement.profile.nameTemplate,
            cancel: judgement.profile.cancel.httpRule,
            ...(judgement.profile.get === undefined ? {} : { get: judgement.profile.get.httpRule }),
            clauses: {
              runs: judgement.runs,
              notApplicable: judgement.notApplicable,
              cannotRun: judgement.cannotRun,
            },
          }),
    };
  });
}
