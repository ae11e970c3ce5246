/**
 * Path templates of gRPC transcoding (googleapis `google/api/http.proto`, AIP-127): parsing,
 * matching URL paths and resource names, expanding values into URL paths, and sample names.
 * The fast-check arbitraries stay out of this entry point (name-arbitraries.ts): fast-check is
 * a test-only dependency and this module is loaded at run time.
 */

export { expandPath } from './expand-path.ts';
export type {
  LiteralSegment,
  MultiWildcardSegment,
  PathSegment,
  PathTemplate,
  PlainSegment,
  SegmentsTemplate,
  VariableSegment,
  WildcardSegment,
} from './grammar.ts';
export { matchName } from './match-name.ts';
export { matchPath } from './match-path.ts';
export type { InvalidNameKind } from './name-mutations.ts';
export { parsePathTemplate } from './parse-path-template.ts';
export { parseSegmentsTemplate } from './parse-segments-template.ts';
export { isPathExpansionError, PathExpansionError } from './path-expansion-error.ts';
export {
  isPathTemplateSyntaxError,
  PathTemplateSyntaxError,
  type PathTemplateSyntaxErrorDetails,
} from './path-template-syntax-error.ts';
export { type SampleNamesOptions, sampleNames } from './sample-names.ts';
