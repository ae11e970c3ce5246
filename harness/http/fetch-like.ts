/**
 * The shape every HTTP layer of the harness shares: a fetch-shaped function, `(Request) =>
 * Promise<Response>` (house style: a target is a fetch-shaped function). Timeouts, credentials,
 * retries, rate limits, recording and replay each wrap one and return one.
 */
export type FetchLike = (request: Request) => Promise<Response>;
