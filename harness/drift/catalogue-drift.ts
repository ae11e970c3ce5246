/**
 * `drift --catalogue DIR`: a folder of current Discovery documents against the catalogue
 * (specs/catalogue/), cancel by cancel: a cancel added or removed, its HTTP method, path, name
 * binding or body rule changed, the get beside it added or removed, its description changed.
 * Descriptions are compared without markup: the standard text of operations.proto exists in
 * three markup variants, and comparing markup would report as drift cancels that say the same
 * (docs/DRIFT.md). What the catalogue already records is reported as known, never as drift: a
 * non-standard text that is still the same, and the APIs whose Discovery document and service
 * configuration disagree (specs/catalogue/known-disagreements.json).
 */
import type { ChangeFailOn, ChangeLevel } from '#reports';
import { levelCounts, levelRank, levelTally } from '#reports';
import {
  type CatalogueEntry,
  catalogueEntries,
  knownDisagreements,
  type PublishedCancel,
  type PublishedService,
  publishedByDiscovery,
  withoutMarkup,
} from '#specs';

export const CATALOGUE_DRIFT_CHECKS = [
  'cancel-removed',
  'cancel-added',
  'http-method-changed',
  'path-changed',
  'name-binding-changed',
  'body-rule-changed',
  'get-removed',
  'get-added',
  'cancel-text-changed',
  'api-added',
  'api-without-cancel',
] as const;
export type CatalogueDriftCheck = (typeof CATALOGUE_DRIFT_CHECKS)[number];

export interface CatalogueChange {
  readonly check: CatalogueDriftCheck;
  readonly level: ChangeLevel;
  readonly api: string;
  /** The cancel's method id, or the API. */
  readonly subject: string;
  /** What the catalogue says (`absent` when it says nothing). */
  readonly before: string;
  /** What the folder's document says now. */
  readonly after: string;
}

export interface CatalogueKnown {
  readonly api: string;
  readonly kind: 'non-standard-text' | 'disagreement';
  readonly note: string;
  /** Whether the folder holds the API's document. */
  readonly inFolder: boolean;
}

export interface FolderDocument {
  readonly file: string;
  readonly document: unknown;
}

export interface CatalogueDriftReport {
  readonly folder: string;
  readonly failOn: ChangeFailOn;
  /** APIs compared with their catalogue entry, and new ones. */
  readonly compared: readonly string[];
  /** Catalogue APIs with a Discovery document that the folder does not hold. */
  readonly notInFolder: readonly string[];
  /** Files the comparison skipped: not a Discovery document, or one that cannot be read. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  readonly changes: readonly CatalogueChange[];
  readonly known: readonly CatalogueKnown[];
  readonly summary: {
    readonly breaking: number;
    readonly changed: number;
    readonly info: number;
    /** Changes at or above --fail-on. */
    readonly failing: number;
    readonly known: number;
  };
}

const ABSENT = 'absent';

export function catalogueDrift(
  folder: string,
  documents: readonly FolderDocument[],
  failOn: ChangeFailOn,
): CatalogueDriftReport {
  const entries = new Map(
    catalogueEntries()
      .filter((entry) => entry.document.kind === 'discovery')
      .map((entry) => [entry.id, entry]),
  );
  const changes: CatalogueChange[] = [];
  const known: CatalogueKnown[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const compared: string[] = [];
  for (const { file, document } of documents) {
    let current: PublishedService;
    try {
      current = publishedByDiscovery(document, { file });
    } catch (error) {
      const api = apiName(document);
      const entry = api === undefined ? undefined : entries.get(api);
      if (entry !== undefined && api !== undefined) {
        compared.push(api);
        changes.push(apiChange(entry, 'api-without-cancel', 'breaking', 'no cancel'));
      } else skipped.push({ file, reason: (error as Error).message });
      continue;
    }
    compared.push(current.id);
    const entry = entries.get(current.id);
    if (entry === undefined) {
      changes.push({
        check: 'api-added',
        level: 'info',
        api: current.id,
        subject: current.id,
        before: ABSENT,
        after: `${current.cancels.length} cancel(s): ${current.cancels.map((c) => c.binding ?? c.path).join(', ')}`,
      });
      continue;
    }
    changes.push(...cancelChanges(entry.published, current));
    known.push(...knownTexts(entry.published, current));
  }
  const inFolder = new Set(compared);
  for (const disagreement of knownDisagreements()) {
    known.push({
      api: disagreement.api,
      kind: 'disagreement',
      note: `Discovery and the service configuration disagree: the Discovery document ${disagreement.discovery}; the service configuration ${disagreement.serviceConfig}`,
      inFolder: inFolder.has(disagreement.api),
    });
  }
  const sorted = changes.toSorted(
    (a, b) =>
      levelRank(a.level) - levelRank(b.level) ||
      a.api.localeCompare(b.api, 'en') ||
      a.subject.localeCompare(b.subject, 'en') ||
      a.check.localeCompare(b.check, 'en'),
  );
  const tally = levelTally(sorted);
  return {
    folder,
    failOn,
    compared: [...inFolder].sort(),
    notInFolder: [...entries.keys()].filter((api) => !inFolder.has(api)).sort(),
    skipped,
    changes: sorted,
    known,
    summary: {
      ...tally,
      failing: sorted.filter((change) => levelCounts(change.level, failOn)).length,
      known: known.length,
    },
  };
}

function apiName(document: unknown): string | undefined {
  const name = (document as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

function apiChange(
  entry: CatalogueEntry,
  check: CatalogueDriftCheck,
  level: ChangeLevel,
  after: string,
): CatalogueChange {
  return {
    check,
    level,
    api: entry.id,
    subject: entry.id,
    before: `${entry.cancels} cancel(s)`,
    after,
  };
}

/** The cancel-by-cancel differences; descriptions without markup. */
function cancelChanges(before: PublishedService, after: PublishedService): CatalogueChange[] {
  const changes: CatalogueChange[] = [];
  const old = new Map(before.cancels.map((cancel) => [cancel.id, cancel]));
  const now = new Map(after.cancels.map((cancel) => [cancel.id, cancel]));
  const change = (
    check: CatalogueDriftCheck,
    level: ChangeLevel,
    subject: string,
    was: string,
    is: string,
  ) => changes.push({ check, level, api: after.id, subject, before: was, after: is });
  for (const [id, cancel] of old) {
    const current = now.get(id);
    if (current === undefined) {
      change('cancel-removed', 'breaking', id, describe(cancel), ABSENT);
      continue;
    }
    if (cancel.httpMethod !== current.httpMethod)
      change('http-method-changed', 'breaking', id, cancel.httpMethod, current.httpMethod);
    if (cancel.path !== current.path)
      change('path-changed', 'breaking', id, cancel.path, current.path);
    if ((cancel.binding ?? '') !== (current.binding ?? ''))
      change(
        'name-binding-changed',
        'breaking',
        id,
        cancel.binding ?? ABSENT,
        current.binding ?? ABSENT,
      );
    const [wasBody, isBody] = [bodyOf(cancel), bodyOf(current)];
    if (wasBody !== isBody) change('body-rule-changed', 'breaking', id, wasBody, isBody);
    if (cancel.get !== undefined && current.get === undefined)
      change('get-removed', 'breaking', id, cancel.get.httpRule, ABSENT);
    if (cancel.get === undefined && current.get !== undefined)
      change('get-added', 'info', id, ABSENT, current.get.httpRule);
    if (withoutMarkup(cancel.text.text) !== withoutMarkup(current.text.text)) {
      change('cancel-text-changed', 'changed', id, cancel.text.text, current.text.text);
    }
  }
  for (const [id, cancel] of now) {
    if (!old.has(id)) change('cancel-added', 'info', id, ABSENT, describe(cancel));
  }
  return changes;
}

/** A non-standard (or absent) text the catalogue already records, still the same. */
function knownTexts(before: PublishedService, after: PublishedService): CatalogueKnown[] {
  const old = new Map(before.cancels.map((cancel) => [cancel.id, cancel]));
  return after.cancels.flatMap((cancel): CatalogueKnown[] => {
    const recorded = old.get(cancel.id);
    if (recorded === undefined || cancel.text.status === 'standard') return [];
    if (withoutMarkup(recorded.text.text) !== withoutMarkup(cancel.text.text)) return [];
    return [
      {
        api: after.id,
        kind: 'non-standard-text',
        note:
          cancel.text.status === 'none'
            ? `${cancel.id} has no description, as in the catalogue: the standard text of operations.proto stands`
            : `${cancel.id} words its cancel its own way, as in the catalogue: "${cancel.text.text.slice(0, 120)}${cancel.text.text.length > 120 ? '…' : ''}"`,
        inFolder: true,
      },
    ];
  });
}

function bodyOf(cancel: PublishedCancel): string {
  return cancel.body;
}

function describe(cancel: PublishedCancel): string {
  return `${cancel.httpMethod} ${cancel.path}${cancel.binding === undefined ? '' : ` (${cancel.binding})`}`;
}
