/**
 * The `@type` of each google.rpc error detail the operations surface carries in an AIP-193
 * envelope's `error.details` (googleapis `google/rpc/error_details.proto`): an Any's type URL is
 * `type.googleapis.com/` and the message's full name. Defined once: the reference writes them,
 * the validators and the retry logic look for them, the reports fingerprint answers by them.
 */

/** `google.rpc.ErrorInfo`: the reason and domain AIP-193 asks every error to carry. */
export const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';
/** `google.rpc.BadRequest`: which request fields were wrong. */
export const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';
/** `google.rpc.RetryInfo`: how long to wait before retrying (`retryDelay`, a Duration). */
export const RETRY_INFO_TYPE = 'type.googleapis.com/google.rpc.RetryInfo';
