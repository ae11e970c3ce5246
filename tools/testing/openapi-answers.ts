/**
 * Checks recorded answers against the project's published OpenAPI documents with a standard
 * validator (@hyperjump/json-schema's OpenAPI 3.1 dialect), the way a team that feeds the
 * documents to its own tools would: every answer the suite calls conformant must validate. An
 * answer is looked up by its request: the service document's operation for the method and path
 * (`{version}/{name}` get, `{version}/{name}:cancel` post; a name that fits the parameter's
 * pattern), its response for the status (or `default`), and the JSON body is validated against
 * that response's schema. A request no operation of the document describes (a malformed name, a
 * GET on the cancel URL, the control endpoint) and a body that is not JSON (a 204, a zero-length
 * 200, a front end's HTML page) have no schema to meet.
 */
import { readFileSync } from 'node:fs';
import { validate } from '@hyperjump/json-schema/openapi-3-1';
import type { Exchange } from '#reports';
import { SERVICES_DIRECTORY } from '../../specs/document-files.ts';

interface Located {
  readonly uri: string;
}

type Json = Record<string, unknown>;

const documents = new Map<string, Json>();

function readDocument(url: URL): Json {
  const key = url.href;
  let document = documents.get(key);
  if (document === undefined) {
    document = JSON.parse(readFileSync(url, 'utf8')) as Json;
    documents.set(key, document);
  }
  return document;
}

const pointerToken = (token: string) =>
  encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'));

/** The schema of the JSON answer `status` of `method` at `path`, as a URI, if any. */
function schemaOf(
  serviceId: string,
  method: string,
  url: URL,
  status: number,
): Located | undefined {
  const documentUrl = new URL(`${serviceId}.openapi.json`, SERVICES_DIRECTORY);
  const document = readDocument(documentUrl);
  const paths = document.paths as Record<string, Record<string, Json>>;
  const verb = url.pathname.endsWith(':cancel') ? ':cancel' : '';
  const [, version = '', ...rest] = url.pathname
    .slice(0, url.pathname.length - verb.length)
    .split('/');
  // google/api/http.proto: a multi-segment name is decoded except `%2F`, which stays as sent.
  const name = rest
    .join('/')
    .split(/(%2F)/i)
    .map((piece, index) => (index % 2 === 1 ? piece : decodeURIComponent(piece)))
    .join('');
  const template = `/${version}/{name}${verb}`;
  const operation = paths[template]?.[method.toLowerCase()];
  if (operation === undefined) return undefined;
  const parameter = (operation.parameters as Json[] | undefined)?.find((p) => p.name === 'name');
  const pattern = (parameter?.schema as Json | undefined)?.pattern;
  if (typeof pattern === 'string' && !new RegExp(pattern).test(name)) return undefined;
  const responses = operation.responses as Record<string, Json>;
  const code = String(status) in responses ? String(status) : 'default';
  let response = responses[code];
  let base = documentUrl;
  let pointer = `#/paths/${pointerToken(template)}/${method.toLowerCase()}/responses/${code}`;
  const ref = response?.$ref;
  if (typeof ref === 'string') {
    const [file = '', fragment = ''] = ref.split('#');
    base = new URL(file, documentUrl);
    pointer = `#${fragment
      .split('/')
      .map((t, i) => (i === 0 ? t : encodeURIComponent(t)))
      .join('/')}`;
    response = fragment
      .split('/')
      .slice(1)
      .reduce<Json | undefined>(
        (node, token) => node?.[token] as Json | undefined,
        readDocument(base),
      );
  }
  if (!(response?.content as Json | undefined)?.['application/json']) return undefined;
  return { uri: `${base.href}${pointer}/content/application~1json/schema` };
}

/** One line per recorded answer a published document rejects; empty when all validate. */
export async function answersTheDocumentsReject(
  serviceId: string,
  exchanges: readonly Exchange[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const { request, response } of exchanges) {
    if (response === undefined) continue;
    const url = new URL(request.url);
    const body = response.body ?? '';
    const type = Object.entries(response.headers).find(
      ([key]) => key.toLowerCase() === 'content-type',
    )?.[1];
    if (body.trim() === '' || !/json/i.test(type ?? '')) continue;
    const located = schemaOf(serviceId, request.method, url, response.status);
    if (located === undefined) continue;
    const output = await validate(located.uri, JSON.parse(body), 'BASIC');
    if (!output.valid) {
      const where = (output.errors ?? [])
        .map(
          (error) => `${error.instanceLocation} (${error.absoluteKeywordLocation.split('#')[1]})`,
        )
        .join('; ');
      problems.push(
        `${request.method} ${url.pathname} → ${response.status}: ${body.slice(0, 160)} — ${where}`,
      );
    }
  }
  return problems;
}
