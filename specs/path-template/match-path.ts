/**
 * Matches a raw URL path (as sent on the wire, e.g. `/v1alpha/accounts/a/apps/b/operations/c:cancel`)
 * against a path template and extracts its variables, decoding them as googleapis
 * `google/api/http.proto` prescribes: single-segment variables are decoded fully, multi-segment
 * ones except `%2F`/`%2f`, which stay as sent.
 *
 * The verb is the text after the last `:` of the last segment; a template without a verb treats a
 * `:` as part of the segment. Pass the pathname only, without query or fragment.
 */
import { alignSegments, type Span } from './align-segments.ts';
import type { PathTemplate, PlainSegment } from './grammar.ts';
import { decodeMultiSegment, decodeSegment } from './percent-encoding.ts';

export function matchPath(
  template: PathTemplate,
  urlPath: string,
): Record<string, string> | undefined {
  if (!urlPath.startsWith('/')) return undefined;
  const parts = urlPath.slice(1).split('/');
  if (template.verb !== undefined && !stripVerb(parts, template.verb)) return undefined;

  const { flat, owners } = flattened(template);
  const spans = alignSegments(flat, parts, literalMatches);
  if (spans === undefined) return undefined;

  const values: Record<string, string> = {};
  for (const variable of template.variables) {
    const own = spans.filter((_, index) => owners[index] === variable.name);
    const raw = joinSpans(parts, own);
    const value = variable.template.multiSegment ? decodeMultiSegment(raw) : decodeSegment(raw);
    if (value === undefined) return undefined;
    values[variable.name] = value;
  }
  return values;
}

interface Flattened {
  readonly flat: readonly PlainSegment[];
  /** The variable each flat segment belongs to, undefined for a literal outside variables. */
  readonly owners: readonly (string | undefined)[];
}

/** Templates are immutable and matched once per request: flattened once each. */
const flattenedTemplates = new WeakMap<PathTemplate, Flattened>();

/** The variables' segments inlined, so one alignment covers the whole path. */
function flattened(template: PathTemplate): Flattened {
  let result = flattenedTemplates.get(template);
  if (result === undefined) {
    const flat: PlainSegment[] = [];
    const owners: (string | undefined)[] = [];
    for (const segment of template.segments) {
      const inner = segment.kind === 'variable' ? segment.template.segments : [segment];
      flat.push(...inner);
      owners.push(...inner.map(() => (segment.kind === 'variable' ? segment.name : undefined)));
    }
    result = { flat, owners };
    flattenedTemplates.set(template, result);
  }
  return result;
}

/** Removes `:verb` from the last part; false when it is not there. */
function stripVerb(parts: string[], verb: string): boolean {
  const last = parts.length - 1;
  const segment = parts[last] ?? '';
  const colon = segment.lastIndexOf(':');
  if (colon < 0 || decodeSegment(segment.slice(colon + 1)) !== verb) return false;
  parts[last] = segment.slice(0, colon);
  return true;
}

function literalMatches(part: string, literal: string): boolean {
  return part === literal || decodeSegment(part) === literal;
}

function joinSpans(parts: readonly string[], spans: readonly Span[]): string {
  const start = spans[0]?.start ?? 0;
  const end = spans.at(-1)?.end ?? start;
  return parts.slice(start, end).join('/');
}
