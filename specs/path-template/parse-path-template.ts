/**
 * Parses a full gRPC-transcoding path template (googleapis `google/api/http.proto`, AIP-127),
 * e.g. `/v1/{name=operations/**}:cancel` or `/v1alpha/{name=accounts/*\/apps/*}/operations`.
 * Besides the grammar it enforces the rules http.proto states in prose: `**` comes last (before
 * the verb) and variables do not nest; it also refuses a field bound twice, whose value would
 * be ambiguous.
 */
import type { PathSegment, PathTemplate, VariableSegment } from './grammar.ts';
import {
  endsWithMultiWildcard,
  MULTI_WILDCARD_LAST,
  parsePlainSegment,
  parsePlainSegments,
  toSegmentsTemplate,
} from './parse-segments.ts';
import { isLiteralChar, TemplateScanner } from './template-scanner.ts';

/** @throws PathTemplateSyntaxError when `source` is not a well-formed path template. */
export function parsePathTemplate(source: string): PathTemplate {
  const scanner = new TemplateScanner(source, 'path template');
  if (scanner.peek() !== '/') scanner.fail('"/"', 'a path template starts with "/"');
  scanner.take();

  const segments: PathSegment[] = [];
  const variables: VariableSegment[] = [];
  let lastIsMultiWildcard = false;
  for (;;) {
    const segment =
      scanner.peek() === '{'
        ? parseVariable(scanner, variables)
        : parsePlainSegment(scanner, 'path');
    segments.push(segment);
    if (segment.kind === 'variable') variables.push(segment);
    lastIsMultiWildcard =
      segment.kind === 'multi-wildcard' ||
      (segment.kind === 'variable' && endsWithMultiWildcard(segment.template.segments));
    if (scanner.peek() !== '/') break;
    if (lastIsMultiWildcard) scanner.fail('":" or end of template', MULTI_WILDCARD_LAST);
    scanner.take();
  }

  const verb = parseVerb(scanner);
  if (!scanner.atEnd) {
    if (verb !== undefined) scanner.fail('end of template');
    scanner.fail(lastIsMultiWildcard ? '":" or end of template' : '"/", ":" or end of template');
  }
  return { source, segments, variables, ...(verb === undefined ? {} : { verb }) };
}

/** `"{" FieldPath [ "=" Segments ] "}"`; `{field}` alone means `{field=*}`. */
function parseVariable(
  scanner: TemplateScanner,
  earlier: readonly VariableSegment[],
): VariableSegment {
  scanner.take();
  const fieldStart = scanner.index;
  const fieldPath: string[] = [];
  for (;;) {
    const ident = scanner.readIdent();
    if (ident === '') {
      scanner.fail('a field name (letters, digits and "_", not starting with a digit)');
    }
    fieldPath.push(ident);
    if (scanner.peek() !== '.') break;
    scanner.take();
  }
  const name = fieldPath.join('.');
  if (earlier.some((variable) => variable.name === name)) {
    scanner.fail('a field path not bound earlier', `"${name}" is bound twice`, fieldStart);
  }

  let template = toSegmentsTemplate('*', [{ kind: 'wildcard' }]);
  if (scanner.peek() === '=') {
    scanner.take();
    const start = scanner.index;
    const inner = parsePlainSegments(scanner, 'variable');
    template = toSegmentsTemplate(scanner.source.slice(start, scanner.index), inner);
  } else if (scanner.peek() !== '}') {
    scanner.fail('".", "=" or "}"');
  }
  scanner.take();
  return { kind: 'variable', fieldPath, name, template };
}

/** `":" LITERAL`, or undefined when the template has no verb. */
function parseVerb(scanner: TemplateScanner): string | undefined {
  if (scanner.peek() !== ':') return undefined;
  scanner.take();
  const char = scanner.peek();
  if (char === undefined || !isLiteralChar(char)) scanner.fail('a verb (a literal after ":")');
  return scanner.readLiteral();
}
