/**
 * The syntax tree of a gRPC-transcoding path template, as defined in googleapis
 * `google/api/http.proto` (https://github.com/googleapis/googleapis/blob/master/google/api/http.proto)
 * and AIP-127 (https://google.aip.dev/127):
 *
 *     Template = "/" Segments [ Verb ] ;
 *     Segments = Segment { "/" Segment } ;
 *     Segment  = "*" | "**" | LITERAL | Variable ;
 *     Variable = "{" FieldPath [ "=" Segments ] "}" ;
 *     FieldPath = IDENT { "." IDENT } ;
 *     Verb     = ":" LITERAL ;
 */

/** `*`: exactly one non-empty path segment. */
export interface WildcardSegment {
  readonly kind: 'wildcard';
}

/** `**`: zero or more non-empty path segments; always the last segment of a template. */
export interface MultiWildcardSegment {
  readonly kind: 'multi-wildcard';
}

/** A LITERAL segment, matched verbatim. */
export interface LiteralSegment {
  readonly kind: 'literal';
  readonly value: string;
}

/** The segments a variable may bind: http.proto says "A variable template must not contain other variables". */
export type PlainSegment = WildcardSegment | MultiWildcardSegment | LiteralSegment;

/** The bare `Segments` of a variable, e.g. `accounts/*\/apps/*\/operations/*` or `operations/**`. */
export interface SegmentsTemplate {
  /** The text the template was parsed from. */
  readonly source: string;
  readonly segments: readonly PlainSegment[];
  /**
   * True when the template spans more than one URL path segment (`**`, or two segments or more).
   * Such a variable is sent with literal `/` and shows up in Discovery as `{+var}`.
   */
  readonly multiSegment: boolean;
}

/** `{field.path=Segments}`; `{field}` alone means `{field=*}`. */
export interface VariableSegment {
  readonly kind: 'variable';
  /** The identifiers of the FieldPath, e.g. `['name']` or `['parent', 'name']`. */
  readonly fieldPath: readonly string[];
  /** The FieldPath joined with `.`: the key of this variable in match results and expand values. */
  readonly name: string;
  /** What the variable binds; `{name}` gives the template `*`. */
  readonly template: SegmentsTemplate;
}

export type PathSegment = PlainSegment | VariableSegment;

/** A parsed `Template`, e.g. `/v1/{name=operations/**}:cancel`. */
export interface PathTemplate {
  readonly source: string;
  readonly segments: readonly PathSegment[];
  /** The custom verb without its colon, e.g. `cancel`. */
  readonly verb?: string;
  /** The variables in template order; their names are unique. */
  readonly variables: readonly VariableSegment[];
}
