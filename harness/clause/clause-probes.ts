/**
 * Probe names (probe-names.ts): a name that fits the service's template but names no operation,
 * and names that do not fit it. The absent name sits under a parent the caller owns when the run
 * has one: `--parent`, else the parent of an operation the control endpoint makes. Under a
 * made-up parent, permission comes before existence (AIP-193, AIP-211): a 403 PERMISSION_DENIED
 * to it proves nothing, so it is INCONCLUSIVE rather than a FAIL.
 */
import type { ServiceProfile } from '#specs';
import { parseSegmentsTemplate, sampleNames } from '#specs';
import { absentId, absentName, parentOf } from '../plan/index.ts';
import { withoutNulls } from '../validators/index.ts';
import { encodeName, type HttpResult } from './lro-client.ts';
import { inconclusive } from './outcome-signal.ts';

/** The suite's view (members of the clause context). */
export interface ProbesView {
  /**
   * A name that fits the service's template but names no operation, under a parent the caller
   * owns: the run's `--parent`, else the parent of an operation the control endpoint makes, else
   * a made-up one (a 403 to it is then INCONCLUSIVE: permission comes before existence, AIP-193).
   */
  nonexistentName(): Promise<string>;
  /** Names that do not fit the service's template. */
  malformedNames(): string[];
  /**
   * `name` with one of its `/` separators sent percent-encoded as `%2F`, once per separator
   * (`only` picks some by index). google/api/http.proto: the server "does the reverse decoding,
   * except "%2F" and "%2f" are left unchanged", so each names something else than `name`: the
   * name is the value a server reads (with `%2F` in it), `pathName` what the path carries.
   */
  encodedSeparatorNames(name: string, only?: 'first-and-last'): EncodedSeparatorName[];
}

/** A name whose path form carries an encoded separator (lro-client.ts RequestOptions). */
export interface EncodedSeparatorName {
  readonly name: string;
  readonly pathName: string;
}

export interface ClauseProbes extends ProbesView {
  /** Whether `name` is one of this test's probes (probe-sharing.ts sends those once per run). */
  isProbe(name: string): boolean;
  /** Throws INCONCLUSIVE when `result` is a 403 PERMISSION_DENIED to the made-up-parent probe. */
  inconclusiveIfForeignParent(result: HttpResult): void;
}

export interface ClauseProbesOptions {
  readonly service: ServiceProfile;
  /** The leading segments of names the caller owns (`--parent`). */
  readonly parent?: string | undefined;
  /** Makes the run's probe names; random when absent. */
  readonly probeSeed?: string | undefined;
  /** Makes a done operation whose parent the caller owns; absent without a control endpoint. */
  readonly createDoneOperation?: (() => Promise<string>) | undefined;
}

export function createClauseProbes(options: ClauseProbesOptions): ClauseProbes {
  const { service } = options;
  const probeId = absentId(options.probeSeed);
  const segments = parseSegmentsTemplate(service.nameTemplate);
  const malformed = sampleNames(segments, { valid: false, count: 3, seed: 11 });
  let probe: { readonly name: string; readonly ownParent: boolean } | undefined;
  const encodedProbes = new Set<string>();
  return {
    async nonexistentName() {
      if (probe === undefined) {
        const owner =
          options.parent ??
          (options.createDoneOperation === undefined
            ? undefined
            : parentOf(service.nameTemplate, await options.createDoneOperation()));
        probe = {
          name: absentName(service.nameTemplate, probeId, owner),
          ownParent: owner !== undefined,
        };
      }
      return probe.name;
    },
    malformedNames: () => [...malformed],
    encodedSeparatorNames(name, only) {
      const names = withEncodedSeparators(name, only);
      if (name === probe?.name) for (const each of names) encodedProbes.add(each.name);
      return names;
    },
    isProbe: (name) => name === probe?.name || malformed.includes(name) || encodedProbes.has(name),
    inconclusiveIfForeignParent(result) {
      if (probe === undefined || probe.ownParent || result.status !== 403) return;
      const body = withoutNulls(result.json) as { error?: { status?: unknown } } | undefined;
      if (body?.error?.status !== 'PERMISSION_DENIED') return;
      if (!result.url.includes(encodeName(probe.name))) return;
      inconclusive(
        `the probe ${probe.name} sits under a made-up parent, which the caller may not read: 403 PERMISSION_DENIED comes before existence (AIP-193); pass --parent ${service.id}=PARENT with a parent you own`,
      );
    },
  };
}

function withEncodedSeparators(
  name: string,
  only: 'first-and-last' | undefined,
): EncodedSeparatorName[] {
  const segments = name.split('/');
  const separators = [...segments.keys()].slice(1);
  const picked = only === undefined ? separators : [...new Set([separators[0], separators.at(-1)])];
  return picked
    .filter((index) => index !== undefined)
    .map((index) => {
      const join = (parts: readonly string[]) =>
        `${parts.slice(0, index).join('/')}%2F${parts.slice(index).join('/')}`;
      return { name: join(segments), pathName: join(segments.map(encodeURIComponent)) };
    });
}
