/**
 * Resumes a long-running operation by name the way a generated GAPIC client's
 * `check<Method>Progress(name)` does: get it through the OperationsClient, then wrap it in gax's
 * `Operation` with a LongrunningDescriptor whose decoders unpack the method's response and
 * metadata types. The reference declares both as `google.protobuf.Empty`.
 */
import { createDefaultBackoffSettings, LongrunningDescriptor, Operation } from 'google-gax';
import { EMPTY_TYPE } from '../../harness/reference/model/operation-state.ts';
import { createOperationsRoot } from './gax-proto-root.ts';
import { type GaxOperationsClient, gaxRequests } from './gax-rest-operations-client.ts';

export async function checkOperationProgress(
  client: GaxOperationsClient,
  name: string,
): Promise<Operation> {
  const [operation] = await client.getOperation(gaxRequests.get(name));
  const empty = createOperationsRoot().lookupType(EMPTY_TYPE.replace(/^.*\//, ''));
  const decode = empty.decode.bind(empty);
  const descriptor = new LongrunningDescriptor(client, decode, decode);
  return new Operation(operation, descriptor, createDefaultBackoffSettings());
}
