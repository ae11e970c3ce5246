// A TypeScript user's module, type-checked in the packaging test's temporary project against the
// installed declarations (moduleResolution nodenext). The @ts-expect-error lines fail the check
// if the declarations do not resolve, which would silently turn every type into `any`.
import { type CancelMode, createReferenceModel, type ReferenceModel } from 'lro-conformance/msw';
import { type ReferenceServer, startReferenceServer } from 'lro-conformance/server';

const mode: CancelMode = 'honor';
const model: ReferenceModel = createReferenceModel({ cancelMode: mode });
export const serviceIds: string[] = model.profiles.map((profile) => profile.id);

// @ts-expect-error: not a cancel mode (scenario.d.ts)
createReferenceModel({ cancelMode: 'sometimes' });
// @ts-expect-error: ServiceProfile (reached through `#specs` in the declarations) has no such field
export const missing = model.profiles[0]?.notAField;

export function start(): Promise<ReferenceServer> {
  return startReferenceServer({ port: 0 });
}
