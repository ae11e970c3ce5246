/**
 * Names for probes that harm nothing: a well-formed name that cannot exist, under the caller's
 * own parent when one is given (live runs: permission is checked before existence, AIP-211, so an
 * absent name under someone else's parent answers 403 and proves nothing). Wildcards follow
 * google/api/http.proto: `*` is one segment, `**` any number of them.
 */
import { HarnessError } from '#base';

const FILLER = 'lro-conformance';

/**
 * An id no server has minted: the random part keeps concurrent runs apart. A run passes its own
 * seed, so every clause of the run probes the same name (a live run sends each probe once) and
 * a replay of a recorded run asks for the names that were recorded.
 */
export function absentId(seed: string = newProbeSeed()): string {
  return `lro-conformance-absent-${seed}`;
}

/** Eight random base-36 characters. */
export function newProbeSeed(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

/**
 * The template with `parent` as its leading segments (when given), its other wildcards filled,
 * and `id` as the last one (`**` takes `id` as its only segment).
 */
export function absentName(nameTemplate: string, id: string, parent?: string): string {
  const template = nameTemplate.split('/');
  const prefix = parent === undefined ? [] : parent.split('/');
  const fill = (segment: string) => (segment === '*' ? FILLER : segment);
  const multi = template.indexOf('**');
  if (multi !== -1) {
    return [...prefix, ...template.slice(prefix.length, multi).map(fill), id].join('/');
  }
  const last = template.lastIndexOf('*');
  if (last < prefix.length) {
    throw new HarnessError(
      `parent "${parent}" leaves no wildcard of ${nameTemplate} for an operation id`,
    );
  }
  const filled = [...prefix, ...template.slice(prefix.length).map(fill)];
  filled[last] = id;
  return filled.join('/');
}

/**
 * The leading segments of `name` that identify who owns it: everything before the collection
 * of its last wildcard (`accounts/7/apps/9` of `accounts/7/apps/9/operations/1`, `networks/5`
 * of `networks/5/operations/reports/runs/1`; for `**`, all but the last segment). `undefined`
 * when the template has no owner segments.
 */
export function parentOf(nameTemplate: string, name: string): string | undefined {
  const template = nameTemplate.split('/');
  const segments = name.split('/');
  if (template.includes('**')) {
    return segments.length > 1 ? segments.slice(0, -1).join('/') : undefined;
  }
  const wildcards = template.flatMap((segment, index) => (segment === '*' ? [index] : []));
  const owner = wildcards.at(-2);
  return owner === undefined ? undefined : segments.slice(0, owner + 1).join('/');
}
