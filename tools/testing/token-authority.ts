/**
 * The stand-ins' source of truth about credentials (test-only): which access tokens were issued,
 * to whom and with which scopes, and which parents each principal owns. Every token endpoint
 * stand-in issues through it and Google's front-end stand-in validates against it, so a test can
 * follow a token from its source (key file, user credentials, impersonation, metadata server) to
 * the request that carried it. Tokens are shaped like no real credential, so only the scrubber's
 * registry (not its patterns) can catch them.
 */
import { randomBytes } from 'node:crypto';

export interface Grant {
  readonly token: string;
  readonly principal: string;
  readonly scopes: readonly string[];
  /** How it was obtained, e.g. `jwt-bearer`, `refresh-token`, `impersonation`, `metadata`. */
  readonly via: string;
}

export class TokenAuthority {
  readonly #grants = new Map<string, Grant>();
  readonly #parents = new Map<string, readonly string[] | 'any'>();
  /** Token → scopes, kept current: the reference model's `auth.tokens` reads it at request time. */
  readonly scopesByToken: Record<string, readonly string[]> = {};

  issue(principal: string, scopes: readonly string[], via = 'direct'): string {
    const token = `stand-in-token-${this.#grants.size + 1}-${randomBytes(12).toString('hex')}`;
    this.#grants.set(token, { token, principal, scopes: [...scopes], via });
    this.scopesByToken[token] = [...scopes];
    return token;
  }

  lookup(token: string): Grant | undefined {
    return this.#grants.get(token);
  }

  /** Every token issued so far, oldest first. */
  get grants(): readonly Grant[] {
    return [...this.#grants.values()];
  }

  /** The parents (name prefixes, AIP-122) a principal owns; `any` owns every name. */
  allowParents(principal: string, parents: readonly string[] | 'any'): void {
    this.#parents.set(principal, parents === 'any' ? 'any' : [...parents]);
  }

  /** Whether `principal` may read `name`: it equals an owned parent or lies under one. */
  owns(principal: string, name: string): boolean {
    const parents = this.#parents.get(principal);
    if (parents === undefined) return false;
    if (parents === 'any') return true;
    const segments = decodedSegments(name);
    return parents.some((parent) => {
      const prefix = parent.split('/');
      return prefix.length <= segments.length && prefix.every((part, i) => part === segments[i]);
    });
  }
}

/** Each segment decoded on its own, so `a%2Fb` stays one segment. */
function decodedSegments(name: string): string[] {
  return name.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}
