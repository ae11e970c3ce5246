/**
 * A deliberately broken variant of the reference implementation, for the self-test that proves
 * each conformance check can fail (a check counts only when something shows it failing). A fault
 * sits between the adapters and the behaviour model, so the model itself stays correct.
 */
import { ERROR_INFO_TYPE, matchName, parseSegmentsTemplate, type ServiceProfile } from '#specs';
import type { CancelMode } from '../../control/index.ts';
import { CONTROL_PATH } from '../../control/index.ts';
import type { ModelRequest, ModelResponse } from '../model/model-request.ts';
import type { ReferenceModel } from '../msw.ts';

export type Handle = (request: ModelRequest) => ModelResponse | undefined;

export interface ExpectedCatch {
  readonly clause: string;
  readonly outcome: 'FAIL' | 'INCONCLUSIVE';
}

/** Each clause, failing: the common shape of a fault's expected catches. */
export function failing(...clauses: readonly string[]): ExpectedCatch[] {
  return clauses.map((clause) => ({ clause, outcome: 'FAIL' }));
}

/**
 * The clauses that send a cancel and read its operation to the end (every accepted cancel is
 * followed through GetOperation until it is done, and every read is validated): a fault in what
 * a cancelled operation looks like fails each of them besides the clause it targets.
 */
export const READ_EVERY_CANCELLED_OPERATION: readonly ExpectedCatch[] = failing(
  'cancel/accepts-empty-json-object-body',
  'cancel/accepts-empty-string-body',
  'cancel/accepts-request-without-body',
  'cancel/cancelled-operation-is-not-deleted',
  'cancel/repeated-cancel-keeps-the-state',
  'cancel/success-answers-200',
  'cancel/success-body-is-empty',
  'cancel/success-body-is-empty-json-object',
  'get/accepts-google-system-parameters',
  'get/answers-carry-a-json-media-type',
);

/** READ_EVERY_CANCELLED_OPERATION without the given clauses (a fault's own `caughtBy`). */
export function readEveryCancelledOperationBut(...clauses: readonly string[]): ExpectedCatch[] {
  return READ_EVERY_CANCELLED_OPERATION.filter((entry) => !clauses.includes(entry.clause));
}

export interface ReferenceFault {
  readonly id: string;
  readonly description: string;
  /** The cancel mode of the reference underneath, when the fault needs one. */
  readonly cancelMode?: CancelMode;
  /** The exit code docs/INTERPRETING.md promises for a run against this fault. */
  readonly exitCode: number;
  /** Which clauses must catch the fault, and how (for every service they apply to). */
  readonly caughtBy: readonly ExpectedCatch[];
  /**
   * Every other clause the fault makes FAIL or INCONCLUSIVE somewhere, as a consequence (a
   * cancel refused without a body also fails every clause that cancels without one). With
   * `caughtBy` this is the complete list: a clause failing outside it fails the self-test, so a
   * check cannot start failing what it should not without anyone noticing.
   */
  readonly alsoCaughtBy: readonly ExpectedCatch[];
  /**
   * `over-http`: the self-test runs it with the default settle time of targets in real time
   * (`URL_SETTLE_MS`), not the embedded reference's longer free one, to show that this default
   * catches it.
   */
  readonly settle?: 'over-http';
  /** Builds the faulty request handler; called once per model, so it may keep state. */
  readonly install: (model: ReferenceModel) => Handle;
}

/** The model with its `handle` replaced; everything else (control, store) is the real one. */
export function withFault(
  model: ReferenceModel,
  fault: Pick<ReferenceFault, 'install'>,
): ReferenceModel {
  const handle = fault.install(model);
  return Object.assign(Object.create(model) as ReferenceModel, { handle });
}

export const isCancel = (request: ModelRequest) =>
  request.method === 'POST' && /:cancel$/.test(pathOnly(request));

export const isGet = (request: ModelRequest) =>
  request.method === 'GET' && !pathOnly(request).startsWith(CONTROL_PATH);

/** A GET on `{name}:cancel`, which no HTTP rule binds. */
export const isGetOnCancelUrl = (request: ModelRequest) =>
  isGet(request) && /:cancel$/.test(pathOnly(request));

/** A request to the test-control endpoint. */
export const isControl = (request: ModelRequest) => pathOnly(request).startsWith(CONTROL_PATH);

/** A GET of an operation, not of `{name}:cancel` or another verb. */
export const isGetOperation = (request: ModelRequest) =>
  isGet(request) && !/:[a-z]+$/.test(pathOnly(request));

/** The operation name of a `/{version}/{name}[:verb]` request. */
export function nameOf(request: ModelRequest): string {
  return decodeURIComponent(
    pathOnly(request)
      .replace(/^\/[^/]+\//, '')
      .replace(/:[a-z]+$/, ''),
  );
}

function pathOnly(request: ModelRequest): string {
  return request.path.split('?')[0] ?? '';
}

export function json(status: number, body: unknown): ModelResponse {
  return { status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body };
}

/** Rewrites every answer's body as JSON after `map` (for key order, nulls and extra fields). */
export function mapJsonBody(
  response: ModelResponse | undefined,
  map: (body: Record<string, unknown>) => Record<string, unknown>,
): ModelResponse | undefined {
  if (
    typeof response?.body !== 'object' ||
    response.body === null ||
    Array.isArray(response.body)
  ) {
    return response;
  }
  return { ...response, body: map(response.body as Record<string, unknown>) };
}

/** The operation's control-protocol scenario, remembered from the control request that made it. */
export function scenarioTracker(): {
  readonly note: (request: ModelRequest, response: ModelResponse | undefined) => void;
  readonly scenarioOf: (name: string) => string | undefined;
} {
  const scenarios = new Map<string, string>();
  return {
    note: (request, response) => {
      const created = createdOperation(request, response);
      if (created) scenarios.set(created.name, created.scenario);
    },
    scenarioOf: (name) => scenarios.get(name),
  };
}

/** An AIP-193 envelope, or a deliberately inconsistent one when `code`/`status` disagree. */
export function envelope(code: number, status: string, message: string): ModelResponse {
  // With an ErrorInfo, as AIP-193 asks, so that a fault breaks only what it means to break.
  const details = [
    {
      '@type': ERROR_INFO_TYPE,
      reason: 'LRO_CONFORMANCE_FAULT',
      domain: 'lro-conformance.faults',
    },
  ];
  return json(code, { error: { code, message, status, details } });
}

/** The HTML error page a bare web front end sends (Google's for paths nothing routes). */
export function htmlPage(status: number): ModelResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
    body: undefined,
    rawBody: `<!DOCTYPE html>\n<html lang=en><title>Error ${status}</title><p><b>${status}.</b> That's an error.</p></html>\n`,
  };
}

/** A request's query string, without the `?`; '' when it has none. */
export function queryOf(request: ModelRequest): string {
  const at = request.path.indexOf('?');
  return at === -1 ? '' : request.path.slice(at + 1);
}

/** Rewrites the body of successful GetOperation answers. */
export function mapOperation(
  response: ModelResponse | undefined,
  map: (operation: Record<string, unknown>) => Record<string, unknown>,
): ModelResponse | undefined {
  if (response?.status !== 200 || typeof response.body !== 'object' || response.body === null) {
    return response;
  }
  return { ...response, body: map(response.body as Record<string, unknown>) };
}

export const isCancelled = (operation: Record<string, unknown>) =>
  (operation.error as { code?: number } | undefined)?.code === 1;

/** Done with an error that is not CANCELLED: the `failed` scenario. */
export const isFailed = (operation: Record<string, unknown>) =>
  operation.error !== undefined && !isCancelled(operation);

/** Whether a name fits the name template of any served service. */
export function fitsSomeTemplate(profiles: readonly ServiceProfile[], name: string): boolean {
  return profiles.some((profile) => matchName(parseSegmentsTemplate(profile.nameTemplate), name));
}

/** The operation a control request created, read off the request and its 201 answer. */
export function createdOperation(
  request: ModelRequest,
  response: ModelResponse | undefined,
): { readonly name: string; readonly scenario: string } | undefined {
  if (request.method !== 'POST' || !pathOnly(request).endsWith(`${CONTROL_PATH}/operations`))
    return undefined;
  if (response?.status !== 201) return undefined;
  const { scenario } = JSON.parse(request.body ?? '{}') as { scenario?: string };
  const { name } = response.body as { name?: string };
  return name && scenario ? { name, scenario } : undefined;
}
