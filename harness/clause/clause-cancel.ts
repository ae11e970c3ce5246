/**
 * Sending a cancel and reading its answer the one way every clause reads it (cancel-answer.ts):
 * a clause that needs an accepted cancel FAILs on a refusal and on a 2xx that carries an error
 * envelope (AIP-193: an error needs an error status), and is NOT_APPLICABLE on 501 UNIMPLEMENTED.
 * Each answer is also a sign of whether the service supports cancel (cancel-support-notes.ts).
 */
import type { CancelSupport } from '#reports';
import type { ServiceProfile } from '#specs';
import { type CancelAnswer, classifyCancel } from './cancel-answer.ts';
import { createCancelSupportNotes } from './cancel-support-notes.ts';
import { isErrorEnvelope } from './json-shapes.ts';
import type { CancelOptions, HttpResult, LroClient } from './lro-client.ts';
import { fail, notApplicable } from './outcome-signal.ts';

/** The suite's view (members of the clause context). */
export interface CancelView {
  /** Sends a cancel (no body unless `options.body` says otherwise) and classifies the answer. */
  requestCancel(name: string, options?: CancelOptions): Promise<CancelAnswer>;
  /**
   * Requires the cancel to be accepted (2xx, without an error envelope). 501 UNIMPLEMENTED makes
   * the clause NOT_APPLICABLE (a FAIL if other cancels of the service are accepted in the run).
   */
  cancelAccepted(name: string, options?: CancelOptions): Promise<HttpResult>;
}

export interface ClauseCancel extends CancelView {
  /** What this test's own cancels showed about cancel support, if anything. */
  cancelSupport(): CancelSupport | undefined;
}

export interface ClauseCancelOptions {
  readonly service: ServiceProfile;
  readonly client: LroClient;
  /** Only an accepted cancel of an operation the test knows shows that cancel is supported. */
  readonly isKnown: (name: string) => boolean;
  /** Told of every accepted cancel, to verify its effect (cancel-follow-through.ts). */
  readonly onAccepted?: (name: string, description: string) => void;
}

const describeCancel = (name: string, options: CancelOptions | undefined) => {
  const body = options && 'body' in options ? `body ${JSON.stringify(options.body)}` : 'no body';
  const query = options?.query === undefined ? '' : ` and the query ${queryText(options.query)}`;
  const path = options?.pathName === undefined ? '' : ` sent as ${options.pathName}`;
  return `the cancel of ${name}${path} with ${body}${query}`;
};

const queryText = (query: Readonly<Record<string, string>>) =>
  Object.entries(query)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');

export function createClauseCancel(options: ClauseCancelOptions): ClauseCancel {
  const { service, client } = options;
  const notes = createCancelSupportNotes();
  const requestCancel = async (name: string, cancelOptions?: CancelOptions) => {
    const result = await client.cancel(name, cancelOptions);
    const kind = classifyCancel(result);
    if (kind === 'unimplemented') notes.note('unimplemented', describeCancel(name, cancelOptions));
    if (kind === 'accepted' && options.isKnown(name)) {
      notes.note('accepted', describeCancel(name, cancelOptions));
    }
    if (kind === 'accepted') options.onAccepted?.(name, describeCancel(name, cancelOptions));
    return { kind, result };
  };
  return {
    requestCancel,
    async cancelAccepted(name, cancelOptions) {
      const { kind, result } = await requestCancel(name, cancelOptions);
      if (kind === 'unimplemented') {
        notApplicable(
          `cancel answered 501 UNIMPLEMENTED: ${service.id} does not support cancel on this target`,
        );
      }
      if (kind === 'refused') {
        fail(
          `${describeCancel(name, cancelOptions)} answered ${result.status}: ${result.text.slice(0, 300) || '(empty body)'}`,
          { rootCause: `cancel-refused-${result.status}` },
        );
      }
      if (isErrorEnvelope(result.json)) {
        fail(
          `${describeCancel(name, cancelOptions)} answered ${result.status} with an error envelope: an error needs an error status (AIP-193)`,
          { rootCause: 'envelope-under-2xx' },
        );
      }
      return result;
    },
    cancelSupport: notes.support,
  };
}
