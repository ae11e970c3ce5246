/**
 * The words a service publishes on operations.cancel, compared with the standard text: the
 * comment on `CancelOperation` in `google/longrunning/operations.proto`
 * (https://github.com/googleapis/googleapis/blob/master/google/longrunning/operations.proto), which
 * Discovery documents copy into the method's `description`. The copies differ in markup only
 * (backticks around `1`, `Code.CANCELLED` and `google.rpc.Code.UNIMPLEMENTED`, or none): the
 * comparison ignores markup, so those three variants are one text, not drift.
 */
import type { CancelTextStatus } from '../service-profile.ts';

/** The standard text as Discovery documents print it, with the proto's markup. */
export const STANDARD_CANCEL_TEXT =
  "Starts asynchronous cancellation on a long-running operation. The server makes a best effort to cancel the operation, but success is not guaranteed. If the server doesn't support this method, it returns `google.rpc.Code.UNIMPLEMENTED`. Clients can use Operations.GetOperation or other methods to check whether the cancellation succeeded or whether the operation completed despite cancellation. On successful cancellation, the operation is not deleted; instead, it becomes an operation with an Operation.error value with a google.rpc.Status.code of `1`, corresponding to `Code.CANCELLED`.";

/** Where the standard text comes from, for sources and messages. */
export const OPERATIONS_PROTO_URL =
  'https://github.com/googleapis/googleapis/blob/master/google/longrunning/operations.proto';

/**
 * The text without markup: proto cross-references `[text][target]` become `text`; backticks and
 * emphasis asterisks go; whitespace runs become one space.
 */
export function withoutMarkup(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const STANDARD = withoutMarkup(STANDARD_CANCEL_TEXT);

/** How `description` compares with the standard text, and the text a profile quotes. */
export function cancelTextOf(description: unknown): {
  readonly status: CancelTextStatus;
  readonly text: string;
} {
  if (typeof description !== 'string' || description.trim() === '') {
    return { status: 'none', text: STANDARD_CANCEL_TEXT };
  }
  return {
    status: withoutMarkup(description) === STANDARD ? 'standard' : 'non-standard',
    text: description,
  };
}

/** Whether `sentence` is in `text`, markup and whitespace ignored. */
export function textSays(text: string, sentence: string): boolean {
  return withoutMarkup(text).includes(withoutMarkup(sentence));
}
