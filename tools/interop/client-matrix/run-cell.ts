/**
 * One cell of the client matrix: a fresh operation in the cell's state (matrix-states.ts), one
 * call of an open client on it, the verdict, and (on the MSW target) every request the call put
 * on the wire. Setup cancels go through the reference's model, so the wire holds the client's
 * requests only.
 */
import type { SeedServiceProfile } from '#specs';
import type { InteropTarget, MswInteropTarget } from '../interop-targets.ts';
import { TEST_ACCESS_TOKEN } from '../test-credentials.ts';
import type { WireRequest } from '../wire-log.ts';
import type { CallSpec, OpenClient } from './client-under-test.ts';
import { judgeAnswer, judgeRejection, type Verdict } from './judge-call.ts';
import { type MatrixState, recipeFor } from './matrix-states.ts';
import { stableText } from './stable-text.ts';

/** A request as docs/CLIENTS.md shows it. */
export interface WireShape {
  readonly method: string;
  readonly path: string;
  /** '' when the request had no body. */
  readonly body: string;
  readonly contentType: string | null;
  /** It carried `Authorization: Bearer <the test token>` (the token itself is not kept). */
  readonly sentToken: boolean;
}

export interface CellRun extends Verdict {
  /** What the call sent; `undefined` where the target cannot see the wire (loopback). */
  readonly wire: readonly WireShape[] | undefined;
}

export async function runCell(
  target: InteropTarget,
  profile: SeedServiceProfile,
  client: OpenClient,
  call: CallSpec,
  scenario: MatrixState,
): Promise<CellRun> {
  const recipe = recipeFor(call.kind, scenario);
  const name = await target.createOperation(profile.id, recipe.create);
  if (recipe.cancelFirst) await target.cancelOutsideClient(profile, name);
  const wire = isMsw(target) ? target.wire : undefined;
  wire?.clear();
  const hooks = {
    beforeAwait: async () => {
      if (recipe.cancelBeforeAwait) await target.cancelOutsideClient(profile, name);
    },
  };
  const verdict = await client.invoke(call, name, hooks).then(
    (answer) => judgeAnswer(recipe.expect, answer),
    (error: unknown) => judgeRejection(recipe.expect, error),
  );
  const sent = wire === undefined ? undefined : await wire.entries();
  return {
    verdict: verdict.verdict,
    detail: stableText(verdict.detail, name),
    wire: sent?.map((request) => shapeOf(request, name)),
  };
}

function isMsw(target: InteropTarget): target is MswInteropTarget {
  return target.kind === 'msw';
}

function shapeOf(request: WireRequest, name: string): WireShape {
  return {
    method: request.method,
    path: stableText(request.path, name),
    body: request.body,
    contentType: request.contentType,
    sentToken: request.authorization === `Bearer ${TEST_ACCESS_TOKEN}`,
  };
}
