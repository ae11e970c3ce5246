/**
 * The reference implementation over loopback HTTP, made from the embedded reference's fetch
 * (harness/reference/msw.ts) so that anything in-process can stand in front of it: a conformant
 * variant of the self-test (harness/reference/faults/variants.ts), a server that answers one
 * request at a time, or hostile answers (hostile-answers.ts). Real time: the model reads the
 * system clock.
 */
import { referenceVariant, withFault } from '../../harness/reference/index.ts';
import { createReferenceFetch, createReferenceModel } from '../../harness/reference/msw.ts';
import { type FetchServer, serveFetch } from './fetch-server.ts';

type Fetch = (request: Request) => Promise<Response>;

export interface ServeReferenceOptions {
  /** A conformant variant of the reference, by id. */
  readonly variant?: string;
  readonly cancelDelayMs?: number;
  /** Wraps the reference's fetch (oneAtATime, hostile, …) before it is served. */
  readonly wrap?: (fetch: Fetch) => Fetch;
}

export async function serveReference(options: ServeReferenceOptions = {}): Promise<FetchServer> {
  const variant = options.variant === undefined ? undefined : referenceVariant(options.variant);
  if (options.variant !== undefined && variant === undefined) {
    throw new Error(`no reference variant "${options.variant}"`);
  }
  const model = createReferenceModel({
    cancelDelayMs: options.cancelDelayMs ?? 0,
    ...(variant?.cancelMode === undefined ? {} : { cancelMode: variant.cancelMode }),
  });
  let served: Fetch | undefined;
  const server = await serveFetch((request) => {
    if (served === undefined) throw new Error('served before it was ready');
    return served(request);
  });
  const reference = createReferenceFetch({
    baseUrl: server.baseUrl,
    model: variant === undefined ? model : withFault(model, variant),
  });
  served = options.wrap === undefined ? reference : options.wrap(reference);
  return server;
}
