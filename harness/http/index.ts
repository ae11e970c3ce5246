/**
 * The HTTP stack a target over HTTP uses, outermost last: credentials (auth/), retries of
 * transient answers (every target), the per-host rate and the per-service budget, a fetch with a
 * timeout that adapts to the target, a bound on requests in flight and a bound on what is read of
 * each answer; and the HAR recordings a run writes and a replay reads (recording/). Light to
 * import: google-auth-library loads on first use. Explicit re-exports.
 */
export {
  answerOf,
  bodyForEvidence,
  DEFAULT_MAX_ANSWER_BYTES,
  isCutForEvidence,
  withAnswerLimit,
} from './answer-limit.ts';
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
export { createHttpFetch, MAX_REQUESTS_IN_FLIGHT } from './http-fetch.ts';
export { createRateLimiter, DEFAULT_LIVE_MAX_RPS, withRateLimit } from './rate-limit.ts';
export type { Har, HarEntry, RecordedRun } from './recording/har.ts';
export { writeHar } from './recording/har-writer.ts';
export { placeholderFor } from './recording/parent-placeholders.ts';
export { parseHar, readHar } from './recording/read-har.ts';
export { createRequestBudget } from './request-budget.ts';
export {
  RETRIED_HEADER,
  type RetriedAnswer,
  type RetryingFetch,
  retriedAnswersOf,
  withRetries,
} from './retries.ts';
