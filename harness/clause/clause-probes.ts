/**
 * Probe names (probe-names.ts): a name that fits the service's template but names no operation,
 * and names that do not fit it. The absent name sits under a parent the caller owns when the run
 * has one: `--parent`, else the parent of an operation the control endpoint makes, else a
 * made-up one. Permission comes before existence (AIP-193, AIP-211): a 403 PERMISSION_DENIED to
 * the probe says the credentials may not read under its parent, not whether the name exists, so
 * the probe could not judge: INCONCLUSIVE rather than a FAIL, naming the parent and the
 * permission (or scope) the credentials lack, and what fixes it.
 */
import type { ServiceProfile } from '#specs';
import {
  ERROR_INFO_TYPE,
  matchName,
  nameVariableOf,
  parseSegmentsTemplate,
  sampleNames,
} from '#specs';
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
  /**
   * Throws INCONCLUSIVE when `result` is a 403 PERMISSION_DENIED to the absent-name probe or to
   * a malformed name.
   */
  inconclusiveIfPermissionDenied(result: HttpResult): void;
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
  let probe: Probe | undefined;
  const encodedProbes = new Set<string>();
  return {
    async nonexistentName() {
      if (probe === undefined) {
        const fromControl =
          options.parent === undefined && options.createDoneOperation !== undefined
            ? parentOf(service.nameTemplate, await options.createDoneOperation())
            : undefined;
        const owner = options.parent ?? fromControl;
        probe = {
          name: absentName(service.nameTemplate, probeId, owner),
          parent: owner,
          from: options.parent !== undefined ? 'flag' : owner !== undefined ? 'control' : 'made-up',
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
    inconclusiveIfPermissionDenied(result) {
      if (result.status !== 403) return;
      const error = (withoutNulls(result.json) as { error?: ErrorBody } | undefined)?.error;
      if (error?.status !== 'PERMISSION_DENIED') return;
      if (probe !== undefined && result.url.includes(encodeName(probe.name))) {
        inconclusive(permissionDeniedReason(service.id, probe, error));
      }
      // A front end may check permission on the resource a path names before it checks the
      // name's shape, so a 403 to a malformed name says as little about the name as about
      // existence: the credentials may not read there.
      const refused = malformed.find((name) => result.url.includes(encodeName(name)));
      if (refused !== undefined) {
        inconclusive(
          `the malformed name ${refused} was answered 403 PERMISSION_DENIED, which says only that these credentials may not read there: permission is checked before existence (AIP-211), and may be before the name's shape; run with credentials that may read the service's operations to see whether the name is rejected`,
        );
      }
    },
  };
}

/** The absent-name probe, and where its parent came from. */
interface Probe {
  readonly name: string;
  readonly parent: string | undefined;
  /** `--parent`, the parent of an operation the control endpoint made, or made up. */
  readonly from: 'flag' | 'control' | 'made-up';
}

interface ErrorBody {
  readonly status?: unknown;
  readonly message?: unknown;
  readonly details?: unknown;
}

/** Why a 403 to the probe proves nothing, and what to do about it, in one line. */
function permissionDeniedReason(serviceId: string, probe: Probe, error: ErrorBody): string {
  const info = errorInfoOf(error);
  const denied =
    '403 PERMISSION_DENIED says nothing about existence, which is checked after permission (AIP-193)';
  if (probe.from === 'made-up') {
    return `the probe ${probe.name} sits under a made-up parent, which the caller may not read: ${denied}; pass --parent ${serviceId}=PARENT with a parent you own`;
  }
  const where =
    probe.from === 'flag'
      ? `--parent ${serviceId}=${probe.parent}`
      : `${probe.parent}, the parent of an operation the control endpoint made`;
  if (info.reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT') {
    return `the probe ${probe.name} under ${where} was refused: the credentials' token lacks an OAuth scope the method needs (ACCESS_TOKEN_SCOPE_INSUFFICIENT); ${denied}; request the documented scope (--scope ${serviceId}=SCOPE, docs/LIVE.md)`;
  }
  const lacking =
    info.permission === undefined
      ? 'a permission to read there'
      : `the permission ${info.permission}`;
  return `the probe ${probe.name} sits under ${where}, which these credentials may not read: they lack ${lacking}; ${denied}; grant it on that parent, or pass a --parent the credentials can read`;
}

/**
 * The ErrorInfo's reason and the IAM permission Google names: `metadata.permission`, else the
 * `Permission 'x' denied` of the message.
 */
function errorInfoOf(error: ErrorBody): { reason?: string; permission?: string } {
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
  const info = details.find(
    (detail): detail is { reason?: unknown; metadata?: { permission?: unknown } } =>
      typeof detail === 'object' &&
      detail !== null &&
      (detail as { '@type'?: unknown })['@type'] === ERROR_INFO_TYPE,
  );
  const fromMetadata = info?.metadata?.permission;
  const fromMessage =
    typeof error.message === 'string'
      ? /Permission '([^']+)' denied/.exec(error.message)?.[1]
      : undefined;
  const permission = typeof fromMetadata === 'string' ? fromMetadata : fromMessage;
  return {
    ...(typeof info?.reason === 'string' ? { reason: info.reason } : {}),
    ...(permission === undefined ? {} : { permission }),
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
