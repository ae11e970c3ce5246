/**
 * How a run over HTTP is described in its results (`target` of results.json): where the requests
 * went and how they were authenticated, never the credential itself.
 */
import type { TargetInfo } from '#reports';
import { authKind } from '../http/auth/target-auth.ts';
import type { TargetConfig } from './target.ts';

export function httpTargetInfo(
  target: Exclude<TargetConfig, { kind: 'mock' | 'msw' }>,
): TargetInfo {
  switch (target.kind) {
    case 'url': {
      const auth = authKind(target.auth);
      return {
        kind: 'url',
        baseUrl: target.baseUrl,
        ...(target.controlUrl === undefined ? {} : { controlUrl: target.controlUrl }),
        ...(auth === 'none' ? {} : { auth }),
      };
    }
    case 'live':
      return { kind: 'live', endpoints: target.endpoints, auth: authKind(target.auth) };
    case 'replay':
      return { kind: 'replay', source: target.file, endpoints: target.endpoints };
  }
}
