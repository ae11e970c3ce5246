/**
 * The one rule for reading a cancel's answer. The service pages: "If the server doesn't support
 * this method, it returns google.rpc.Code.UNIMPLEMENTED", whose HTTP mapping is 501
 * (google/rpc/code.proto). Any 2xx means the server took the cancel; anything else refused it.
 */
import type { HttpResult } from './lro-client.ts';

export type CancelAnswerKind = 'accepted' | 'unimplemented' | 'refused';

export function classifyCancel(result: HttpResult): CancelAnswerKind {
  if (result.status >= 200 && result.status <= 299) return 'accepted';
  return result.status === 501 ? 'unimplemented' : 'refused';
}

export interface CancelAnswer {
  readonly kind: CancelAnswerKind;
  readonly result: HttpResult;
}
