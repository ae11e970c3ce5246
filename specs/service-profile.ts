/**
 * What the harness and the reference implementation need to know about one service, read from
 * the `x-google-*` extensions of its OpenAPI document (see specs/README.md). Nothing outside
 * specs/ may special-case a service: every difference between services lives in this profile.
 */

/** How the HTTP rule binds the request body (`google/api/http.proto`, `HttpRule.body`). */
export type CancelBodyRule = 'none' | '*';

/** The two wordings the seed documents use for the same `google.protobuf.Empty` response. */
export type SuccessBodyWording = 'empty' | 'empty-json-object';

/** One method of the operations surface, as its HTTP rule binds it. */
export interface OperationsMethod {
  /** Discovery-style method id, e.g. `checks.accounts.apps.operations.cancel`. */
  readonly id: string;
  /** `cancel`, `get`, `delete`, `list` or `wait`. */
  readonly verb: 'cancel' | 'get' | 'delete' | 'list' | 'wait';
  readonly httpMethod: 'GET' | 'POST' | 'DELETE';
  /** The gRPC-transcoding template of the binding, e.g. `/v1/{name=operations/**}:cancel`. */
  readonly httpRule: string;
  /** Where the documentation prints something else (Ad Manager prints `/v1/{name}:cancel`). */
  readonly documentedHttpRule?: string;
  readonly body: CancelBodyRule;
  /** OAuth scopes any one of which authorises the call; empty when none is documented. */
  readonly scopes: readonly string[];
}

export interface Provenance {
  /** File name under specs/seeds/ (the documentation page this service's clauses quote). */
  readonly seed: string;
  /** Where that page is published, and its title. */
  readonly page: { readonly url: string; readonly title: string };
  /** Public location of the proto or AIP the wire format comes from. */
  readonly proto: string;
  /** Discovery document under specs/discovery/, where the service publishes one. */
  readonly discovery?: { readonly file: string; readonly revision: string };
}

export interface ServiceProfile {
  /** Stable id used on the command line and in reports: `adsdatahub`, `checks`, … */
  readonly id: string;
  readonly title: string;
  /** `checks.googleapis.com` */
  readonly host: string;
  /** `v1alpha` */
  readonly version: string;
  /**
   * Segments bound to `{name}` by cancel and get, e.g. `accounts/*\/apps/*\/operations/*`. The
   * reference uses it as a pattern when it mints operations: `*` and `**` are filled.
   */
  readonly nameTemplate: string;
  /** The cancel whose HTTP rule binds `{name=<nameTemplate>}`: the one the seed documents. */
  readonly cancel: OperationsMethod;
  /** The get whose HTTP rule binds `{name=<nameTemplate>}`. */
  readonly get: OperationsMethod;
  /** Every operations method the service documents, cancel and get included. */
  readonly methods: readonly OperationsMethod[];
  /** What the seed says a successful cancel answers, and its exact words. */
  readonly successBody: { readonly wording: SuccessBodyWording; readonly quote: string };
  /** What the seed says of the cancel request body, in its exact words. */
  readonly cancelBodyQuote: string;
  readonly provenance: Provenance;
}
