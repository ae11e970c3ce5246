/**
 * From a Discovery method (https://developers.google.com/discovery/v1/reference/apis: `path`,
 * `flatPath`, the `name` parameter's `pattern`) back to the gRPC-transcoding HTTP rule it was
 * generated from (`google/api/http.proto`): `v1/{+name}:cancel` with the pattern
 * `^projects/[^/]+/locations/[^/]+/operations/[^/]+$` is `/v1/{name=projects/*\/locations/*\/operations/*}:cancel`.
 * Discovery writes `*` as `[^/]+` and a final `**` as `/.*` (specs/http-rule.ts, the other way).
 */
import { isPathTemplateSyntaxError, parsePathTemplate } from '../path-template/index.ts';

const LITERAL = /^[A-Za-z0-9_~-]+$/;
const ONE_SEGMENT = '[^/]+';
const WILDCARD = '\u0000';

/** The segments template a Discovery `pattern` describes, or undefined when it is no such template. */
export function bindingOfPattern(pattern: string): string | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return undefined;
  const inner = pattern.slice(1, -1);
  if (inner === '.*') return '**';
  // `[^/]+` holds a slash itself: stand it in before splitting on the separators.
  const parts = inner.replaceAll(ONE_SEGMENT, WILDCARD).split('/');
  const segments: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (part === WILDCARD) segments.push('*');
    else if (part === '.*' && index === parts.length - 1) segments.push('**');
    else if (LITERAL.test(part)) segments.push(part);
    else return undefined;
  }
  return segments.join('/');
}

export type DiscoveryRule =
  | { readonly kind: 'bound'; readonly template: string; readonly binding: string }
  | { readonly kind: 'unbound'; readonly problem: string };

/**
 * The HTTP rule of a Discovery method whose path binds `name` (`{+name}` or `{name}`), its
 * segments taken from the parameter's pattern (none: `{+name}` is `**`, `{name}` is `*`).
 * `servicePath` is the document's (`storage/v1/`), which precedes every path.
 */
export function ruleOfDiscoveryMethod(
  path: string,
  namePattern: string | undefined,
  servicePath = '',
): DiscoveryRule {
  const fullPath = `${servicePath}${path}`;
  const variable = /\{\+?name\}/.exec(fullPath);
  if (variable === null) {
    const fields = [...fullPath.matchAll(/\{\+?([A-Za-z0-9_]+)\}/g)].map((match) => match[1]);
    return {
      kind: 'unbound',
      problem:
        fields.length === 0
          ? `its path "${path}" binds no name`
          : `its path "${path}" addresses the operation by the fields ${fields.join(', ')}, not by one resource name`,
    };
  }
  const multi = variable[0] === '{+name}';
  const binding = namePattern === undefined ? (multi ? '**' : '*') : bindingOfPattern(namePattern);
  if (binding === undefined) {
    return {
      kind: 'unbound',
      problem: `its name pattern "${namePattern}" is not a path template (only literals, [^/]+ and a final .* are)`,
    };
  }
  const template = `/${fullPath.replace(variable[0], `{name=${binding}}`)}`;
  try {
    parsePathTemplate(template);
  } catch (error) {
    if (!isPathTemplateSyntaxError(error)) throw error;
    return { kind: 'unbound', problem: `its path "${path}" is no HTTP rule: ${error.message}` };
  }
  return { kind: 'bound', template, binding };
}
