/**
 * The part of gRPC transcoding path templates (googleapis `google/api/http.proto`, AIP-127) that
 * specs/ needs to check its own data: one `{name=…}` variable whose segments are literals, `*`
 * (exactly one segment) or a final `**` (zero or more segments). `{name}` alone means `{name=*}`.
 * The harness has the full matcher; this module only derives patterns and path keys.
 */
import { HarnessError } from '../base/errors.ts';

export interface NameVariable {
  /** Text before the variable, e.g. `/v1/`. */
  readonly before: string;
  /** The segments bound to `name`, e.g. `operations/**`. */
  readonly binding: string;
  /** Text after the variable, e.g. `:cancel`, `/operations` or nothing. */
  readonly after: string;
}

const NAME_VARIABLE = /\{name(?:=([^}]*))?\}/;
const ONE_SEGMENT = '[^/]+';

export function nameVariableOf(template: string): NameVariable | undefined {
  const match = NAME_VARIABLE.exec(template);
  if (match === null) return undefined;
  return {
    before: template.slice(0, match.index),
    binding: match[1] ?? '*',
    after: template.slice(match.index + match[0].length),
  };
}

/** Slashes inside the value stay literal on the wire (Discovery writes such a variable `{+name}`). */
export function isMultiSegment(binding: string): boolean {
  return binding.includes('/') || binding.includes('**');
}

/**
 * The anchored regex of the names a binding accepts, in Discovery's notation
 * (`accounts/*\/apps/*` → `^accounts/[^/]+/apps/[^/]+$`). `**` is exact: `operations/**` accepts
 * `operations`, `operations/a` and `operations/a/b`, but not `operations/` or `operations//a`
 * (Discovery documents print the looser `^operations/.*$`).
 */
export function namePatternForBinding(binding: string): string {
  const segments = binding.split('/');
  let pattern = '';
  segments.forEach((segment, index) => {
    if (segment === '**') {
      if (index !== segments.length - 1) {
        throw new HarnessError(
          `"${binding}": \`**\` must be the last segment (google/api/http.proto)`,
          { code: 'DATA' },
        );
      }
      pattern += index === 0 ? `(?:${ONE_SEGMENT}(?:/${ONE_SEGMENT})*)?` : `(?:/${ONE_SEGMENT})*`;
      return;
    }
    const part = segment === '*' ? ONE_SEGMENT : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern += index === 0 ? part : `/${part}`;
  });
  return `^${pattern}$`;
}

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
  if (!binding.includes('*')) return `${before}${binding}${after}`;
  if (style === 'name') return `${before}{name}${after}`;
  const segments = binding.split('/');
  const flat: string[] = [];
  for (const [index, segment] of segments.entries()) {
    if (segment === '**') return undefined;
    const previous = segments[index - 1];
    if (segment !== '*') flat.push(segment);
    else if (previous === undefined || previous.includes('*')) return undefined;
    else flat.push(`{${previous}Id}`);
  }
  return `${before}${flat.join('/')}${after}`;
}

/** The template as a Discovery `path`: no leading slash, `{+name}` when slashes stay literal. */
export function discoveryPathForTemplate(template: string): string {
  const variable = nameVariableOf(template);
  const relative = template.replace(/^\//, '');
  if (variable === undefined) return relative;
  return relative.replace(NAME_VARIABLE, isMultiSegment(variable.binding) ? '{+name}' : '{name}');
}

/**
 * The pattern a Discovery document prints for a binding. Discovery is exact for `*` but prints a
 * final `**` loosely, as `/.*` (`operations/**` → `^operations/.*$`, as in the published
 * cloudbuild v1 document), so both spellings describe the same binding.
 */
export function discoveryPatternForBinding(binding: string): string {
  if (!binding.endsWith('**')) return namePatternForBinding(binding);
  const prefix = binding.slice(0, -2).replace(/\/$/, '');
  if (prefix === '') return '^.*$';
  return `${namePatternForBinding(prefix).slice(0, -1)}/.*$`;
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
  const segments = binding.split('/');
  const flat: string[] = [];
  for (const [index, segment] of segments.entries()) {
    const previous = segments[index - 1];
    if (segment !== '*' && segment !== '**') flat.push(segment);
    else if (previous === undefined || previous.includes('*')) return undefined;
    else flat.push(`{${previous}Id}`);
  }
  return `${before}${flat.join('/')}${after}`.replace(/^\//, '');
}
