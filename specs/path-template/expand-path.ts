/**
 * Builds the URL path of a path template from field values, as googleapis
 * `google/api/http.proto` prescribes for clients: a single-segment variable is percent-encoded
 * whole (a `/` in it becomes `%2F`); a multi-segment variable keeps its `/` separators literal
 * and percent-encodes each segment. A multi-segment value must fit the variable's template,
 * since a name that does not would be routed elsewhere or rejected by the server.
 */
import type { PathTemplate, VariableSegment } from './grammar.ts';
import { matchName } from './match-name.ts';
import { PathExpansionError } from './path-expansion-error.ts';
import { encodeSegment } from './percent-encoding.ts';
import { sampleNames } from './sample-names.ts';

/** @throws PathExpansionError when a value is missing or does not fit its variable. */
export function expandPath(template: PathTemplate, values: Record<string, string>): string {
  const parts: string[] = [];
  for (const segment of template.segments) {
    if (segment.kind === 'literal') {
      parts.push(segment.value);
    } else if (segment.kind === 'variable') {
      parts.push(...expandVariable(template, segment, values[segment.name]));
    } else {
      const wildcard = segment.kind === 'wildcard' ? '*' : '**';
      throw new PathExpansionError(
        template.source,
        undefined,
        `"${wildcard}" outside any variable has no value to expand; bind it to a field, e.g. {name=${wildcard}}`,
      );
    }
  }
  const verb = template.verb === undefined ? '' : `:${template.verb}`;
  return `/${parts.join('/')}${verb}`;
}

function expandVariable(
  template: PathTemplate,
  variable: VariableSegment,
  value: string | undefined,
): string[] {
  const fail = (problem: string, cause?: unknown): never => {
    const example = sampleNames(variable.template, { valid: true, count: 1 })[0] ?? '';
    throw new PathExpansionError(
      template.source,
      variable.name,
      `${problem}; pass a value that fits "${variable.template.source}", e.g. { ${JSON.stringify(variable.name)}: ${JSON.stringify(example)} }`,
      cause === undefined ? undefined : { cause },
    );
  };
  if (value === undefined) return fail(`no value for {${variable.name}}`);

  const [only] = variable.template.segments;
  if (variable.template.multiSegment) {
    if (!matchName(variable.template, value)) {
      fail(
        `{${variable.name}} = ${JSON.stringify(value)} does not match "${variable.template.source}"`,
      );
    }
  } else if (only?.kind === 'literal' ? value !== only.value : value === '') {
    fail(`{${variable.name}} = ${JSON.stringify(value)} is not a single non-empty segment`);
  }

  try {
    // A single segment is encoded whole; a multi-segment name part by part (`**` may bind none).
    if (!variable.template.multiSegment) return [encodeSegment(value)];
    return value === '' ? [] : value.split('/').map(encodeSegment);
  } catch (error) {
    return fail(`{${variable.name}} has no UTF-8 form (a lone surrogate?)`, error);
  }
}
