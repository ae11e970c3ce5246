/**
 * Findings grouped by root cause, so one fault that fails thirty cells gives one evidence block,
 * not thirty (Schemathesis groups failures by check the same way). Cells the harness marks with
 * a shared `rootCause` key group by that key; the others by a signature of their message, where
 * operation names, ids, numbers, URL origins, the target's base URLs and the service id become
 * placeholders. Text, Markdown, JUnit-adjacent views and the HTML report all read this.
 */
import type { CellResult, Outcome, RunResults, Strength } from './results-model.ts';

export type FindingOutcome = Extract<Outcome, 'FAIL' | 'ERROR' | 'INCONCLUSIVE'>;

export interface FindingGroup {
  /** Stable key: the outcome, then the root cause or the message signature. */
  readonly key: string;
  readonly outcome: FindingOutcome;
  /** Every cell the group covers, the representative first, then in results order. */
  readonly cells: readonly CellResult[];
  /** The cell whose message and evidence stand for the group: the strongest, then the first. */
  readonly representative: CellResult;
  readonly services: readonly string[];
  readonly clauses: readonly string[];
}

const OUTCOME_RANK: Readonly<Record<FindingOutcome, number>> = {
  FAIL: 0,
  ERROR: 1,
  INCONCLUSIVE: 2,
};

const STRENGTH_RANK: Readonly<Record<Strength, number>> = { MUST: 0, SHOULD: 1, observed: 2 };

function isFinding(cell: CellResult): cell is CellResult & { outcome: FindingOutcome } {
  return cell.outcome in OUTCOME_RANK;
}

export interface SignatureContext {
  readonly service: string;
  /** Base URLs of the target (`baseUrl`, `controlUrl`, per-service endpoints). */
  readonly baseUrls: readonly string[];
}

const OPERATION_NAME = /(?:[A-Za-z][\w.-]*\/[^\s/"',;()]+\/)*operations\/[^\s"',;()]+/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HEX_ID = /\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi;
const URL_ORIGIN = /\bhttps?:\/\/[^\s/"'`]+/g;
const NUMBER = /\b\d+(?:\.\d+)?\b/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message with what differs between cells of one cause replaced by placeholders. */
export function messageSignature(message: string, context: SignatureContext): string {
  let signature = message.trim();
  const baseUrls = [...context.baseUrls].sort((a, b) => b.length - a.length);
  for (const base of baseUrls) signature = signature.replaceAll(base.replace(/\/$/, ''), '<base>');
  return signature
    .replace(OPERATION_NAME, '<operation>')
    .replace(UUID, '<id>')
    .replace(HEX_ID, '<id>')
    .replace(URL_ORIGIN, '<origin>')
    .replace(new RegExp(`\\b${escapeRegExp(context.service)}\\b`, 'g'), '<service>')
    .replace(NUMBER, '<n>')
    .replace(/\s+/g, ' ');
}

function baseUrlsOf(results: RunResults): string[] {
  const { target } = results;
  return [target.baseUrl, target.controlUrl, ...Object.values(target.endpoints ?? {})].filter(
    (url): url is string => url !== undefined && url !== '',
  );
}

function keyOf(cell: CellResult & { outcome: FindingOutcome }, baseUrls: readonly string[]) {
  if (cell.rootCause !== undefined) return `${cell.outcome}\ncause\n${cell.rootCause}`;
  if (cell.message === undefined || cell.message.trim() === '') {
    return `${cell.outcome}\nclause\n${cell.clause}`;
  }
  return `${cell.outcome}\nmessage\n${messageSignature(cell.message, { service: cell.service, baseUrls })}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function strongestFirst(cells: readonly CellResult[]): CellResult[] {
  return [...cells].sort((a, b) => STRENGTH_RANK[a.strength] - STRENGTH_RANK[b.strength]);
}

/** FAIL, then ERROR, then INCONCLUSIVE groups; within each, the strongest and earliest first. */
export function groupFindings(results: RunResults): FindingGroup[] {
  const baseUrls = baseUrlsOf(results);
  const byKey = new Map<string, { outcome: FindingOutcome; cells: CellResult[] }>();
  for (const cell of results.results.filter(isFinding)) {
    const key = keyOf(cell, baseUrls);
    const group = byKey.get(key) ?? { outcome: cell.outcome, cells: [] };
    group.cells.push(cell);
    byKey.set(key, group);
  }
  const groups = [...byKey].map(([key, { outcome, cells }]): FindingGroup => {
    const ordered = strongestFirst(cells);
    const [representative] = ordered;
    if (representative === undefined) throw new Error(`finding group ${key} has no cell`);
    return {
      key,
      outcome,
      cells: [representative, ...cells.filter((cell) => cell !== representative)],
      representative,
      services: unique(results.services.filter((s) => cells.some((c) => c.service === s))),
      clauses: unique(cells.map((cell) => cell.clause)).sort(),
    };
  });
  return groups
    .map((group, index) => ({ group, index }))
    .sort(
      (a, b) =>
        OUTCOME_RANK[a.group.outcome] - OUTCOME_RANK[b.group.outcome] ||
        STRENGTH_RANK[a.group.representative.strength] -
          STRENGTH_RANK[b.group.representative.strength] ||
        a.index - b.index,
    )
    .map(({ group }) => group);
}

export interface ClauseCoverage {
  readonly clause: string;
  readonly strength: Strength;
  /** In the run's service order. */
  readonly services: readonly string[];
}

/** Which services each clause of a group covers (`cancel/x (MUST): checks, dai`). */
export function groupCoverage(group: FindingGroup): ClauseCoverage[] {
  return group.clauses.map((clause) => {
    const cells = group.cells.filter((cell) => cell.clause === clause);
    return {
      clause,
      strength: cells[0]?.strength ?? group.representative.strength,
      services: group.services.filter((service) => cells.some((c) => c.service === service)),
    };
  });
}
