/**
 * Translates between fetch's Request/Response and the model's transport-free request/response,
 * for the MSW adapter. The path is taken raw from the URL (`%2F` stays as sent, as Google's front
 * end leaves it: google/api/http.proto).
 */
import { type ModelRequest, type ModelResponse, serialisedBody } from './model/model-request.ts';

export async function toModelRequest(
  request: Request,
  path: string,
  host?: string,
): Promise<ModelRequest> {
  const text = await request.text();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return {
    method: request.method,
    path,
    headers,
    body: text === '' ? undefined : text,
    ...(host === undefined ? {} : { host }),
  };
}

export function toResponse(response: ModelResponse): Response {
  return new Response(serialisedBody(response) ?? null, {
    status: response.status,
    headers: { ...response.headers },
  });
}
