/**
 * What specs/ derives from the `{name=…}` variable of a method's HTTP rule (googleapis
 * `google/api/http.proto`, AIP-127) to check its own data: the name pattern, the OpenAPI path
 * keys and the spellings a Discovery document prints. Templates are read by the one parser of
 * gRPC transcoding templates, specs/path-template: `*` is exactly one segment, a final `**` zero
 * or more, and `{name}` alone means `{name=*}`.
 */
import { HarnessError } from '#base';
import {
  isPathTemplateSyntaxError,
  type PathSegment,
  type PathTemplate,
  type PlainSegment,
  parsePathTemplate,
  parseSegmentsTemplate,
  type SegmentsTemplate,
} from './path-template/index.ts';

export interface NameVariable {
  /** Text before the variable, e.g. `/v1/`. */
  readonly before: string;
  /** The segments bound to `name`, e.g. `operations/**`. */
  readonly binding: string;
  /** Text after the variable, e.g. `:cancel`, `/operations` or nothing. */
  readonly after: string;
}

const ONE_SEGMENT = '[^/]+';

/** A malformed template in the service data is a fault of the data (DATA). */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isPathTemplateSyntaxError(error))
      throw new HarnessError(error.message, { code: 'DATA', cause: error });
    throw error;
  }
}

const parseTemplate = (template: string): PathTemplate => parsed(() => parsePathTemplate(template));
const parseBinding = (binding: string): SegmentsTemplate =>
  parsed(() => parseSegmentsTemplate(binding));

function segmentText(segment: PathSegment): string {
  switch (segment.kind) {
    case 'literal':
      return segment.value;
    case 'wildcard':
      return '*';
    case 'multi-wildcard':
      return '**';
    case 'variable':
      return `{${segment.name}=${segment.template.source}}`;
  }
}

/** @throws HarnessError (DATA) when `template` is not a well-formed path template. */
export function nameVariableOf(template: string): NameVariable | undefined {
  const { segments, verb } = parseTemplate(template);
  const at = segments.findIndex(
    (segment) => segment.kind === 'variable' && segment.name === 'name',
  );
  const variable = segments[at];
  if (variable?.kind !== 'variable') return undefined;
  const before = segments.slice(0, at).map((segment) => `${segmentText(segment)}/`);
  const after = segments.slice(at + 1).map((segment) => `/${segmentText(segment)}`);
  return {
    before: `/${before.join('')}`,
    binding: variable.template.source,
    after: `${after.join('')}${verb === undefined ? '' : `:${verb}`}`,
  };
}

/** Slashes inside the value stay literal on the wire (Discovery writes such a variable `{+name}`). */
export function isMultiSegment(binding: string): boolean {
  return parseBinding(binding).multiSegment;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regex of one segment; a final `**` also takes the slash before it (zero segments). */
function segmentPattern(segment: PlainSegment, index: number): string {
  const slash = index === 0 ? '' : '/';
  switch (segment.kind) {
    case 'literal':
      return `${slash}${escapeRegExp(segment.value)}`;
    case 'wildcard':
      return `${slash}${ONE_SEGMENT}`;
    case 'multi-wildcard':
      return index === 0 ? `(?:${ONE_SEGMENT}(?:/${ONE_SEGMENT})*)?` : `(?:/${ONE_SEGMENT})*`;
  }
}

/**
 * The anchored regex of the names a binding accepts, in Discovery's notation
 * (`accounts/*\/apps/*` → `^accounts/[^/]+/apps/[^/]+$`). `**` is exact: `operations/**` accepts
 * `operations`, `operations/a` and `operations/a/b`, but not `operations/` or `operations//a`
 * (Discovery documents print the looser `^operations/.*$`).
 * @throws HarnessError (DATA) when `binding` is not a well-formed segments template.
 */
export function namePatternForBinding(binding: string): string {
  return `^${parseBinding(binding).segments.map(segmentPattern).join('')}$`;
}

/**
 * One single-segment variable per wildcard, named after the literal before it, as Discovery's
 * `flatPath` names them (`projects/*` → `projects/{projectsId}`); a final `**` too when
 * `multiWildcard` is 'as-one'. Undefined where that naming does not apply (a wildcard first or
 * after another wildcard, or a `**` otherwise).
 */
function flatSegments(binding: string, multiWildcard: 'as-one' | 'refuse'): string[] | undefined {
  const { segments } = parseBinding(binding);
  const flat: string[] = [];
  for (const [index, segment] of segments.entries()) {
    const previous = segments[index - 1];
    if (segment.kind === 'literal') flat.push(segment.value);
    else if (segment.kind === 'multi-wildcard' && multiWildcard === 'refuse') return undefined;
    else if (previous?.kind !== 'literal') return undefined;
    else flat.push(`{${previous.value}Id}`);
  }
  return flat;
}

const hasWildcard = (binding: string) =>
  parseBinding(binding).segments.some((segment) => segment.kind !== 'literal');

/**
 * The OpenAPI path key of a template. `name` style collapses the variable to `{name}`; `flat`
 * style spells the binding with one single-segment parameter per `*`, named as Discovery's
 * `flatPath` names them (`projects/*` → `projects/{projectsId}`). A binding without wildcards is a
 * constant, so both styles spell it (`/v1/{name=operations}` → `/v1/operations`). Undefined when
 * the flat style cannot express the binding (`**`, or `*` first).
 */
export function pathKeyForTemplate(template: string, style: 'name' | 'flat'): string | undefined {
  const variable = nameVariableOf(template);
  if (variable === undefined) return template;
  const { before, binding, after } = variable;
  if (!hasWildcard(binding)) return `${before}${binding}${after}`;
  if (style === 'name') return `${before}{name}${after}`;
  const flat = flatSegments(binding, 'refuse');
  return flat === undefined ? undefined : `${before}${flat.join('/')}${after}`;
}

/** The template as a Discovery `path`: no leading slash, `{+name}` when slashes stay literal. */
export function discoveryPathForTemplate(template: string): string {
  const variable = nameVariableOf(template);
  if (variable === undefined) return template.replace(/^\//, '');
  const { before, binding, after } = variable;
  const name = isMultiSegment(binding) ? '{+name}' : '{name}';
  return `${before}${name}${after}`.replace(/^\//, '');
}

/**
 * The pattern a Discovery document prints for a binding. Discovery is exact for `*` but prints a
 * final `**` loosely, as `/.*` (`operations/**` → `^operations/.*$`, as in the published
 * cloudbuild v1 document), so both spellings describe the same binding.
 */
export function discoveryPatternForBinding(binding: string): string {
  const { segments } = parseBinding(binding);
  if (segments.at(-1)?.kind !== 'multi-wildcard') return namePatternForBinding(binding);
  const prefix = segments.slice(0, -1);
  if (prefix.length === 0) return '^.*$';
  return `^${prefix.map(segmentPattern).join('')}/.*$`;
}

/**
 * The template as a Discovery `flatPath`: no leading slash, one single-segment variable per
 * wildcard, named after the literal before it (`projects/*` → `projects/{projectsId}`; a final
 * `operations/**` → `operations/{operationsId}`, as Discovery prints it). Undefined where
 * Discovery's naming is not known (a wildcard first or after another wildcard).
 */
export function discoveryFlatPathForTemplate(template: string): string | undefined {
  const variable = nameVariableOf(template);
  if (variable === undefined) return template.replace(/^\//, '');
  const { before, binding, after } = variable;
  const flat = flatSegments(binding, 'as-one');
  return flat === undefined ? undefined : `${before}${flat.join('/')}${after}`.replace(/^\//, '');
}
