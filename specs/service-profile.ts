/**
 * What the harness and the reference implementation need to know about one service. The five
 * seed services' profiles are read from the `x-google-*` extensions of their OpenAPI documents
 * (see specs/README.md); every other profile is generated from a published document: a Discovery
 * document, a service configuration's HTTP rules, or a document in the project's OpenAPI form
 * (specs/catalogue/). Nothing outside specs/ may special-case a service: every difference between
 * services lives in this profile.
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

/**
 * What a clause sends to a service (ClauseInfo.calls): a cancel with no body, a cancel with a
 * body, a GetOperation, or a GET on the cancel URL. A profile's limits say which of them the
 * service's published surface does not offer.
 */
export type OperationsCall = 'cancel' | 'cancel-body' | 'get' | 'get-on-cancel-url';

/** Something a service's published surface does not let the suite check, and why. */
export interface ProfileLimit {
  /** The call a clause cannot make on this service: every clause that makes it cannot run. */
  readonly call: OperationsCall;
  /** Why, in a sentence that names the service's own facts. */
  readonly reason: string;
}

/**
 * How a service's published cancel description compares with the standard text of
 * `google/longrunning/operations.proto`, markup ignored: `standard`, `non-standard` (its own
 * words), or `none` (no description: the standard text applies).
 */
export type CancelTextStatus = 'standard' | 'non-standard' | 'none';

/** The published document a generated profile was made from. */
export interface ProfileDocument {
  /** `discovery`: a Discovery document; `service-config`: HTTP rules of a service configuration; `openapi`: the project's OpenAPI form. */
  readonly kind: 'discovery' | 'service-config' | 'openapi';
  /** The file as shown to people (`specs/catalogue/discovery/aiplatform.v1.json`, a user's path). */
  readonly file: string;
  /** The document's revision, where it has one (Discovery `revision`). */
  readonly revision?: string;
  /** Where the document was published (a URL, or a repository and path). */
  readonly source?: string;
}

export interface Provenance {
  /** File name under specs/seeds/ (the documentation page this service's clauses quote): the five seed services only. */
  readonly seed?: string;
  /** Where that page is published, and its title. */
  readonly page?: { readonly url: string; readonly title: string };
  /** Public location of the proto or AIP the wire format comes from. */
  readonly proto: string;
  /** Discovery document under specs/discovery/, where the service publishes one. */
  readonly discovery?: { readonly file: string; readonly revision: string };
  /** The published document a generated profile was made from (absent for the seed documents). */
  readonly document?: ProfileDocument;
  /** The service's own words on cancel (its cancel description), and how they compare with the standard text. */
  readonly cancelText?: { readonly status: CancelTextStatus; readonly text: string };
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
   * Segments bound to `{name}` by cancel (and get), e.g. `accounts/*\/apps/*\/operations/*`. The
   * reference uses it as a pattern when it mints operations: `*` and `**` are filled.
   */
  readonly nameTemplate: string;
  /** The cancel whose HTTP rule binds `{name=<nameTemplate>}`: the one the seed documents. */
  readonly cancel: OperationsMethod;
  /**
   * The get that reads what the cancel changes: its rule binds `{name=<nameTemplate>}` (or, in a
   * generated profile, a binding that accepts every name the reference mints from it). Absent
   * when the service publishes no such get; `limits` then says which clauses cannot run.
   */
  readonly get?: OperationsMethod;
  /** Every operations method the service documents, cancel and get included. */
  readonly methods: readonly OperationsMethod[];
  /** What the seed says a successful cancel answers, and its exact words. */
  readonly successBody: { readonly wording: SuccessBodyWording; readonly quote: string };
  /** What the seed says of the cancel request body, in its exact words. */
  readonly cancelBodyQuote: string;
  readonly provenance: Provenance;
  /** What the suite cannot check on this service, and why (generated profiles); none when absent. */
  readonly limits?: readonly ProfileLimit[];
}

/** A profile read from a seed document in specs/services/: its get and seed always exist. */
export interface SeedServiceProfile extends ServiceProfile {
  readonly get: OperationsMethod;
  readonly provenance: Provenance & {
    readonly seed: string;
    readonly page: { readonly url: string; readonly title: string };
  };
}
