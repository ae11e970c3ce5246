/**
 * Request builders shared by the reference's own tests: URL paths come from the profiles' HTTP
 * rules through the path-template module, so the tests drive every service the same way.
 */
import type { OperationsMethod, ServiceProfile } from '#specs';
import { expandPath } from '../../specs/path-template/expand-path.ts';
import { parsePathTemplate } from '../../specs/path-template/parse-path-template.ts';
import type { ModelRequest } from './model/model-request.ts';

export function pathOf(method: OperationsMethod, name: string): string {
  return expandPath(parsePathTemplate(method.httpRule), { name });
}

export function modelRequest(
  method: string,
  path: string,
  init: { readonly body?: string; readonly headers?: Readonly<Record<string, string>> } = {},
): ModelRequest {
  return { method, path, headers: init.headers ?? {}, body: init.body };
}

export function cancelRequest(profile: ServiceProfile, name: string, body?: string): ModelRequest {
  return modelRequest('POST', pathOf(profile.cancel, name), body === undefined ? {} : { body });
}

export function getRequest(profile: ServiceProfile, name: string): ModelRequest {
  return modelRequest('GET', pathOf(profile.get, name));
}

/** The first method of a verb a service documents, if any. */
export function methodOf(
  profile: ServiceProfile,
  verb: OperationsMethod['verb'],
): OperationsMethod | undefined {
  return profile.methods.find((method) => method.verb === verb);
}
