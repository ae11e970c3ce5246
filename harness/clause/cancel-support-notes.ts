/**
 * What one test's cancels showed about cancel support. "If the server doesn't support this
 * method, it returns google.rpc.Code.UNIMPLEMENTED" (the service pages) describes a server, not
 * one answer: a test that sees both an accepted cancel of an operation it made and a 501 FAILs at
 * once. The fact travels in task meta (`cancelSupport`); across the tests of a run it is decided
 * by the run-wide rule in reports/run-rules.ts.
 */
import type { CancelSupport } from '#reports';
import { fail } from './outcome-signal.ts';

export type CancelSupportSign = 'accepted' | 'unimplemented';

export interface CancelSupportNotes {
  /** Notes a sign of support; `what` names the cancel for the message. */
  note(sign: CancelSupportSign, what: string): void;
  /** What the test's own cancels showed, if anything. */
  support(): CancelSupport | undefined;
}

export function createCancelSupportNotes(): CancelSupportNotes {
  const seen: { accepted?: string; unimplemented?: string } = {};
  return {
    note(sign, what) {
      seen[sign] ??= what;
      if (seen.accepted !== undefined && seen.unimplemented !== undefined) {
        fail(
          `cancel answered 2xx to ${seen.accepted} but 501 UNIMPLEMENTED to ${seen.unimplemented}: a server either supports cancel or does not ("If the server doesn't support this method, it returns google.rpc.Code.UNIMPLEMENTED")`,
          { rootCause: 'cancel-support-inconsistent' },
        );
      }
    },
    support() {
      if (seen.accepted !== undefined) return 'supported';
      if (seen.unimplemented !== undefined) return 'unsupported';
      return undefined;
    },
  };
}
