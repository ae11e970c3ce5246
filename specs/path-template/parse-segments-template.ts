/**
 * Parses the bare `Segments` of a variable (googleapis `google/api/http.proto`), e.g.
 * `accounts/*\/apps/*\/operations/*` or `operations/**`: what a service profile calls its
 * `nameTemplate`.
 */
import type { SegmentsTemplate } from './grammar.ts';
import { parsePlainSegments, toSegmentsTemplate } from './parse-segments.ts';
import { TemplateScanner } from './template-scanner.ts';

/** @throws PathTemplateSyntaxError when `source` is not a well-formed segments template. */
export function parseSegmentsTemplate(source: string): SegmentsTemplate {
  const scanner = new TemplateScanner(source, 'segments template');
  return toSegmentsTemplate(source, parsePlainSegments(scanner, 'bare'));
}
