/**
 * Credentials as request headers, at the harness's fetch level (`FetchLike`): a provider answers
 * the headers for a URL (google-auth-library's `getRequestHeaders(url)` has the same shape), and
 * `withAuth` adds them to every request before the request is recorded and sent. The recorder
 * and the scrubber therefore see exactly what left the machine.
 */
import type { FetchLike } from '../fetch-like.ts';

/** The headers that authenticate a request to `url`; may refresh a token on the way. */
export type AuthHeaders = (url: string) => Promise<Headers>;

/** Sends every request with the provider's headers, replacing any of the same name. */
export function withAuth(fetch: FetchLike, provider: AuthHeaders): FetchLike {
  return async (request) => fetch(await authorized(request, provider));
}

/** The request with the provider's headers, replacing any of the same name. */
export async function authorized(request: Request, provider: AuthHeaders): Promise<Request> {
  const extra = await provider(request.url);
  const headers = new Headers(request.headers);
  extra.forEach((value, name) => {
    headers.set(name, value);
  });
  return new Request(request, { headers });
}

/** A provider that always answers the same headers (`--header` values). */
export function fixedHeaders(headers: Headers): AuthHeaders {
  return async () => new Headers(headers);
}

/** Several providers as one; a later provider's header replaces an earlier one of the same name. */
export function combineAuthHeaders(...providers: readonly AuthHeaders[]): AuthHeaders {
  return async (url) => {
    const out = new Headers();
    for (const provider of providers) {
      (await provider(url)).forEach((value, name) => {
        out.set(name, value);
      });
    }
    return out;
  };
}
