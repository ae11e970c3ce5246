/**
 * results.json's `rerun`: per service, the `lro-conformance run` arguments that check that
 * service again as this run did, so that every finding in a report comes with a command that
 * reruns exactly its cell (the report adds `--clause ID`), as Schemathesis prints a reproduction
 * under every failure. They name the target (for the embedded reference its cancel mode, delay,
 * fault or variant), the timing, and that service's names, endpoint and credential options,
 * after the option that adds the service when the run added it (the catalogue, a document);
 * options left at their defaults are left out, and selection and output options are the
 * report's to add. The flags and defaults come from the one table of run options.
 *
 * No credential is written here, not even into the results runConformance returns without a
 * report: `--header` values go as the user typed them (a `$NAME` stays a reference the CLI
 * expands), the quota project reads `[REDACTED]`, and every word is scrubbed of the values the
 * scrubber learnt before the run (a literal secret header value: credentials-preflight.ts).
 */
import { REDACTED, scrubText } from '#reports';
import { catalogueProfiles, serviceProfile } from '#specs';
import { CONTROL_PATH } from '../control/index.ts';
import { serviceScopes } from '../http/index.ts';
import { RUN_OPTIONS } from '../options/index.ts';
import {
  EMBEDDED_SETTLE_MS,
  type RunConfig,
  type TargetConfig,
  URL_SETTLE_MS,
} from '../plan/index.ts';

type OptionName = keyof typeof RUN_OPTIONS;

function flag(option: OptionName): string {
  return `--${RUN_OPTIONS[option].flag}`;
}

/** `[--flag, value]` when the value differs from the option's default, else nothing. */
function unlessDefault(option: OptionName, value: string | number | undefined): string[] {
  const { default: fallback } = RUN_OPTIONS[option] as { readonly default?: string | number };
  return value === undefined || value === fallback ? [] : [flag(option), String(value)];
}

function referenceArguments(target: Extract<TargetConfig, { kind: 'embedded' }>): string[] {
  return [
    ...unlessDefault('cancelMode', target.cancelMode),
    ...unlessDefault('cancelDelayMs', target.cancelDelayMs),
    ...(target.fault === undefined ? [] : [flag('fault'), target.fault]),
    ...(target.variant === undefined ? [] : [flag('variant'), target.variant]),
  ];
}

function controlArguments(target: Extract<TargetConfig, { kind: 'url' }>): string[] {
  if (target.controlUrl === undefined) return [flag('control'), 'none'];
  return target.controlUrl === `${target.baseUrl}${CONTROL_PATH}`
    ? []
    : [flag('control'), target.controlUrl];
}

/** `--header`, `--auth`, `--scope` and `--quota-project`, where they differ from the default. */
function credentialArguments(
  target: Extract<TargetConfig, { kind: 'url' | 'live' }>,
  service: string,
): string[] {
  const auth = target.auth;
  const headers = (auth?.headers ?? []).flatMap((header) => [flag('headers'), header]);
  const { adc } = auth ?? {};
  const defaultAuth = target.kind === 'live' ? 'adc' : 'none';
  const kind = adc === undefined ? 'none' : 'adc';
  const args = [...headers, ...(kind === defaultAuth ? [] : [flag('auth'), kind])];
  if (adc === undefined) return args;
  const profile = serviceProfile(service);
  const documented = profile === undefined ? [] : serviceScopes(profile).scopes;
  const scopes = adc.scopes[service] ?? [];
  const sameScopes =
    scopes.length === documented.length && scopes.every((scope) => documented.includes(scope));
  if (!sameScopes) for (const scope of scopes) args.push(flag('scopes'), `${service}=${scope}`);
  // Billing is told apart by the project: the scrubber treats it as a secret everywhere.
  if (adc.quotaProject !== undefined) args.push(flag('quotaProject'), REDACTED);
  return args;
}

function targetArguments(run: RunConfig, service: string): string[] {
  const { target } = run;
  switch (target.kind) {
    case 'embedded':
      return referenceArguments(target);
    case 'msw':
      return [flag('target'), `msw:${target.source}`];
    case 'replay':
      return [flag('target'), `replay:${target.file}`];
    case 'url':
      return [
        flag('target'),
        target.baseUrl,
        ...controlArguments(target),
        ...unlessDefault('requestTimeoutMs', target.requestTimeoutMs),
        ...credentialArguments(target, service),
      ];
    case 'live': {
      const endpoint = target.endpoints[service];
      const documented = `https://${serviceProfile(service)?.host ?? service}`;
      return [
        flag('live'),
        ...(endpoint === undefined || endpoint === documented
          ? []
          : [flag('endpoints'), `${service}=${endpoint}`]),
        ...unlessDefault('maxRps', target.maxRps),
        ...(target.maxRequests === undefined ? [] : [flag('maxRequests'), `${target.maxRequests}`]),
        ...unlessDefault('requestTimeoutMs', target.requestTimeoutMs),
        ...credentialArguments(target, service),
      ];
    }
  }
}

/** A replay takes its timing from the recording and refuses these options. */
function timingArguments(run: RunConfig): string[] {
  if (run.target.kind === 'replay') return [];
  const settle = run.target.kind === 'embedded' ? EMBEDDED_SETTLE_MS : URL_SETTLE_MS;
  return [
    ...unlessDefault('deadlineMs', run.deadlineMs),
    ...(run.settleMs === settle ? [] : [flag('settleMs'), String(run.settleMs)]),
  ];
}

/**
 * `--catalogue` or `--service-document FILE` for a service the run added: without it the rerun
 * would not know the service, or would check a seed's own profile instead of the catalogue's.
 */
function profileArguments(run: RunConfig, service: string): string[] {
  const file = run.profiles?.find((profile) => profile.id === service)?.provenance.document?.file;
  if (file === undefined) return [];
  const fromCatalogue = catalogueProfiles().some(
    (profile) => profile.id === service && profile.provenance.document?.file === file,
  );
  return fromCatalogue ? [flag('catalogue')] : [flag('serviceDocuments'), file];
}

/** What the user named for this service (`--parent`, `--operation`, `--allow-cancel`). */
function namedArguments(run: RunConfig, service: string): string[] {
  if (run.target.kind !== 'url' && run.target.kind !== 'live') return [];
  const named = [
    ['parents', run.parents[service]],
    ['operations', run.capabilities.operations[service]],
    ['allowCancel', run.capabilities.cancellable[service]],
  ] as const;
  return named.flatMap(([option, value]) =>
    value === undefined ? [] : [flag(option), `${service}=${value}`],
  );
}

export function rerunArguments(run: RunConfig): Record<string, string[]> {
  return Object.fromEntries(
    run.services.map((service) => [
      service,
      [
        ...profileArguments(run, service),
        ...targetArguments(run, service),
        ...timingArguments(run),
        ...namedArguments(run, service),
        flag('services'),
        service,
      ].map(scrubText),
    ]),
  );
}
