/**
 * Probe names (probe-names.ts): a name that fits the service's template but names no operation,
 * and names that do not fit it. The absent name sits under a parent the caller owns when the run
 * has one: `--parent`, else the parent of an operation the control endpoint makes. Under a
 * made-up parent, permission comes before existence (AIP-193, AIP-211): a 403 PERMISSION_DENIED
 * to it proves nothing, so it is INCONCLUSIVE rather than a FAIL.
 */
import type { ServiceProfile } from '#specs';
import { matchName, nameVariableOf, parseSegmentsTemplate, sampleNames } from '#specs';
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
  const malformed = malformedNamesOf(service);
  let probe: { readonly name: string; readonly ownParent: boolean } | undefined;
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
    isProbe: (name) => name === probe?.name || malformed.includes(name),
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

const MALFORMED_COUNT = 3;

/**
 * Names outside the service's template that no other cancel or get of the service binds either
 * (logging's `*\/*\/locations/*\/operations/*` accepts what looks malformed for
 * `projects/*\/locations/*\/operations/*`): a probe must be malformed for every route it may reach.
 */
function malformedNamesOf(service: ServiceProfile): string[] {
  const segments = parseSegmentsTemplate(service.nameTemplate);
  const bindings = service.methods
    .filter((method) => method.verb === 'cancel' || method.verb === 'get')
    .flatMap((method) => {
      const binding = nameVariableOf(method.httpRule)?.binding;
      return binding === undefined ? [] : [parseSegmentsTemplate(binding)];
    });
  return sampleNames(segments, { valid: false, count: MALFORMED_COUNT * 4, seed: 11 })
    .filter((name) => !bindings.some((binding) => matchName(binding, name)))
    .slice(0, MALFORMED_COUNT);
}
