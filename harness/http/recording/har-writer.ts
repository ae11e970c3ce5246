/**
 * A run's exchanges as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/), the format
 * browsers and recorders such as Polly.JS share. Every string goes through the one scrubber
 * (`#reports` scrubber: registered secrets and credential shapes; secret headers keep only their
 * scheme), then the user's parents are replaced by placeholders (parent-placeholders.ts), which
 * `log._lroConformance.parents` lists so a replay can use them as its parents. An exchange without
 * a response (transport failure) is written with status 0 and `_error`, as browsers write one.
 */
import { STATUS_CODES } from 'node:http';
import { dirname } from 'node:path';
import { HarnessError, makeDirectory, readPackageVersion, writeFileAtomically } from '#base';
import { type Exchange, scrubDeep, scrubText } from '#reports';
import type { Har, HarEntry, HarNameValue, RecordedRun } from './har.ts';
import { parentPlaceholders, replaceParents } from './parent-placeholders.ts';

export interface HarWriterOptions {
  /** Service id → the parent given with `--parent`. */
  readonly parents?: Readonly<Record<string, string>>;
  readonly comment?: string;
  /** How the run was set up (`run --record`); its names get placeholders like the entries. */
  readonly run?: RecordedRun;
}

/** HAR requires a start time; an exchange recorded without one gets the epoch. */
const UNKNOWN_START = new Date(0).toISOString();

export function toHar(exchanges: readonly Exchange[], options: HarWriterOptions = {}): Har {
  const placeholders = parentPlaceholders(options.parents ?? {});
  // Parents first: a parent that holds a secret (a quota project that is also the project)
  // becomes its placeholder, so the entries still match the names a replay asks for.
  const clean = (text: string) => scrubText(replaceParents(text, placeholders));
  return {
    log: {
      version: '1.2',
      creator: { name: 'lro-conformance', version: readPackageVersion() },
      ...(options.comment === undefined ? {} : { comment: clean(options.comment) }),
      entries: exchanges.map((exchange) => toEntry(exchange, clean)),
      _lroConformance: {
        version: 1,
        parents: Object.fromEntries(placeholders.map((p) => [p.service, p.placeholder])),
        ...(options.run === undefined ? {} : { run: cleanRun(options.run, clean) }),
      },
    },
  };
}

export async function writeHar(
  path: string,
  exchanges: readonly Exchange[],
  options: HarWriterOptions = {},
): Promise<void> {
  const har = toHar(exchanges, options);
  try {
    // Atomically: a run killed while writing leaves the previous recording whole.
    await makeDirectory(dirname(path));
    await writeFileAtomically(path, `${JSON.stringify(har, null, 2)}\n`);
  } catch (error) {
    throw new HarnessError(
      `cannot write the recording to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

type Clean = (text: string) => string;

function cleanRun(run: RecordedRun, clean: Clean): RecordedRun {
  const names = (byService: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(byService).map(([service, name]) => [service, clean(name)]));
  return {
    ...run,
    endpoints: names(run.endpoints),
    operations: names(run.operations),
    cancellable: names(run.cancellable),
  };
}

function toEntry(exchange: Exchange, clean: Clean): HarEntry {
  const { request, response } = exchange;
  const url = clean(request.url);
  const requestHeaders = headerList(request.headers, clean);
  const time = exchange.durationMs ?? 0;
  const body = request.body === undefined ? undefined : clean(request.body);
  return {
    startedDateTime: exchange.startedAt ?? UNKNOWN_START,
    time,
    request: {
      method: request.method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: requestHeaders,
      queryString: queryOf(url),
      ...(body === undefined
        ? {}
        : {
            postData: {
              mimeType: contentType(requestHeaders, 'application/octet-stream'),
              text: body,
            },
          }),
      headersSize: -1,
      bodySize: body === undefined ? 0 : Buffer.byteLength(body),
    },
    response: response === undefined ? noResponse() : toHarResponse(response, clean),
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(response === undefined ? { _error: 'no response (transport failure)' } : {}),
  };
}

function toHarResponse(
  response: NonNullable<Exchange['response']>,
  clean: Clean,
): HarEntry['response'] {
  const headers = headerList(response.headers, clean);
  const text = clean(response.body);
  return {
    status: response.status,
    statusText: STATUS_CODES[response.status] ?? '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    content: { size: Buffer.byteLength(text), mimeType: contentType(headers, 'x-unknown'), text },
    redirectURL: headers.find((h) => h.name.toLowerCase() === 'location')?.value ?? '',
    headersSize: -1,
    bodySize: Buffer.byteLength(text),
  };
}

function noResponse(): HarEntry['response'] {
  return {
    status: 0,
    statusText: '',
    httpVersion: '',
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: 'x-unknown' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  };
}

function headerList(headers: Readonly<Record<string, string>>, clean: Clean): HarNameValue[] {
  return Object.entries(scrubDeep({ ...headers })).map(([name, value]) => ({
    name,
    value: clean(value),
  }));
}

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function contentType(headers: readonly HarNameValue[], fallback: string): string {
  return headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? fallback;
}
