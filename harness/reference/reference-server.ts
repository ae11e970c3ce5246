/**
 * The reference implementation as a real HTTP server (node:http), for targets that are not
 * in-process: every served service under one base URL plus the control protocol at `/__control`
 * (docs/CONTROL-PROTOCOL.md). The behaviour is the shared model; this file only moves bytes. The
 * path is passed on raw (`%2F` is not decoded, google/api/http.proto), an empty body counts as no
 * body, and every answer has a JSON body: a successful cancel is `{}`, never a zero-length 200,
 * which google-gax rejects (https://github.com/googleapis/gax-nodejs).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '#base';
import { CONTROL_PATH } from '../control/index.ts';
import { errorResponse, FRONT_END_DOMAIN, routeNotFound } from './model/error-envelope.ts';
import { type ModelRequest, type ModelResponse, serialisedBody } from './model/model-request.ts';
import {
  createReferenceModel,
  type ReferenceModel,
  type ReferenceModelOptions,
} from './model/reference-model.ts';

export interface ReferenceServerOptions extends ReferenceModelOptions {
  /** 0 (the default) picks any free port. */
  readonly port?: number | undefined;
  /** 127.0.0.1 by default: the reference has no business on other interfaces. */
  readonly host?: string | undefined;
}

export interface ReferenceServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly baseUrl: string;
  /** `<baseUrl>/__control`. */
  readonly controlUrl: string;
  readonly port: number;
  readonly model: ReferenceModel;
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

/** Bodies above this are refused: no operations request comes near it. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function startReferenceServer(
  options: ReferenceServerOptions = {},
): Promise<ReferenceServer> {
  const { port = 0, host = '127.0.0.1', ...modelOptions } = options;
  const model = createReferenceModel(modelOptions);
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => send(response, answer(model, request, body)),
      () => send(response, tooLarge()),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    controlUrl: `${baseUrl}${CONTROL_PATH}`,
    port: address.port,
    model,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function answer(
  model: ReferenceModel,
  request: IncomingMessage,
  body: string | undefined,
): ModelResponse {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  const modelRequest: ModelRequest = {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers,
    body,
  };
  try {
    return model.handle(modelRequest) ?? routeNotFound(modelRequest.method, modelRequest.path);
  } catch (error) {
    return errorResponse(
      'INTERNAL',
      `The reference implementation failed: ${error instanceof Error ? error.message : String(error)}`,
      { reason: 'REFERENCE_FAULT', domain: FRONT_END_DOMAIN },
    );
  }
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.resume();
      } else chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: ModelResponse): void {
  const body = serialisedBody(answer) ?? '';
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function tooLarge(): ModelResponse {
  return errorResponse('INVALID_ARGUMENT', `Request body larger than ${MAX_BODY_BYTES} bytes.`, {
    reason: 'REQUEST_BODY_TOO_LARGE',
    domain: FRONT_END_DOMAIN,
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): HarnessError {
  const where = `${host}:${port}`;
  const message =
    error.code === 'EADDRINUSE'
      ? `port ${port} on ${host} is already in use; pick another with --port, or --port 0 for any free port`
      : error.code === 'EACCES'
        ? `not allowed to listen on ${where}; use a port above 1023, or --port 0`
        : `cannot listen on ${where}: ${error.message}`;
  return new HarnessError(message, { code: 'REFERENCE', cause: error });
}
