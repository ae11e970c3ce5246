/**
 * The HTTP stack a target over HTTP uses, outermost last: credentials (auth/), retries of
 * throttled answers, the per-host rate and the per-service budget, a fetch with a timeout and a
 * bound on requests in flight; and the HAR recordings a run writes and a replay reads
 * (recording/). Light to import: google-auth-library loads on first use. Explicit re-exports.
 */
export { createAdcCredentials } from './auth/adc-credentials.ts';
export { parseHeaderOptions } from './auth/header-options.ts';
export { normaliseScope, serviceScopes } from './auth/service-scopes.ts';
export {
  adcScopesOf,
  authKind,
  authorizerFor,
  createAdcCache,
  type TargetAuthConfig,
} from './auth/target-auth.ts';
export type { FetchLike } from './fetch-like.ts';
export { createHttpFetch } from './http-fetch.ts';
export { createRateLimiter, DEFAULT_LIVE_MAX_RPS, withRateLimit } from './rate-limit.ts';
export type { Har, HarEntry, RecordedRun } from './recording/har.ts';
export { writeHar } from './recording/har-writer.ts';
export { placeholderFor } from './recording/parent-placeholders.ts';
export { parseHar, readHar } from './recording/read-har.ts';
export { createRequestBudget } from './request-budget.ts';
export { type RetryEvent, withRetryAfter } from './retry-after.ts';
