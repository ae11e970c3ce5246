/**
 * The words a service document attributes to its seed page (specs/seeds/) must be in that page.
 * Seeds are scraped text with stray line breaks and joined words ("returnsgoogle.rpc…"), so both
 * sides are compared with all whitespace removed.
 */
import { isJsonObject } from '#base';
import { openApiOperations } from './openapi-operations.ts';

export interface RecordedQuote {
  /** `paths["/v1/{name}:cancel"].post.x-google-success-body.quote` */
  readonly where: string;
  readonly quote: string;
}

/**
 * Every quote a document records: the request- and success-body quotes, and the route of the
 * quoted operation as the page prints it (x-google-documented-http-rule, else the HTTP rule).
 */
export function recordedQuotes(document: unknown): RecordedQuote[] {
  const quotes: RecordedQuote[] = [];
  for (const { operation, where } of openApiOperations(document)) {
    let quoted = false;
    for (const extension of ['x-google-request-body', 'x-google-success-body']) {
      const value = operation[extension];
      if (isJsonObject(value) && typeof value.quote === 'string') {
        quotes.push({ where: `${where}.${extension}.quote`, quote: value.quote });
        quoted = true;
      }
    }
    const documented = operation['x-google-documented-http-rule'];
    const rule = operation['x-google-http-rule'];
    if (quoted && typeof documented === 'string') {
      quotes.push({ where: `${where}.x-google-documented-http-rule`, quote: documented });
    } else if (quoted && isJsonObject(rule) && typeof rule.template === 'string') {
      quotes.push({ where: `${where}.x-google-http-rule.template`, quote: rule.template });
    }
  }
  return quotes;
}

export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** One message per recorded quote the seed text does not contain. */
export function missingQuotes(
  document: unknown,
  file: string,
  seedText: string,
  seedFile: string,
): string[] {
  const seed = withoutWhitespace(seedText);
  return recordedQuotes(document)
    .filter(({ quote }) => !seed.includes(withoutWhitespace(quote)))
    .map(({ where, quote }) => `${file} ${where}: "${quote}" is not in specs/seeds/${seedFile}`);
}
