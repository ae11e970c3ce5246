// A TypeScript user's module, type-checked in the packaging test's temporary project against the
// installed declarations (moduleResolution nodenext). The @ts-expect-error lines fail the check
// if the declarations do not resolve, which would silently turn every type into `any`.
import {
  exitCodeOf,
  type MswTargetModule,
  type RunConformanceOptions,
  type RunResults,
  runConformance,
} from 'lro-conformance';
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

const options: RunConformanceOptions = {
  services: ['checks'],
  failOn: ['should'],
  reportDir: 'out',
};
export async function check(): Promise<number> {
  const results: RunResults = await runConformance(options);
  return exitCodeOf(results) + results.summary.mustFailures;
}
// @ts-expect-error: failOn takes should, inconclusive or error (results-model.d.ts)
export const wrong: RunConformanceOptions = { failOn: ['never'] };
// @ts-expect-error: --reporter is the CLI's own; the option table gives runConformance no such option
export const cliOnly: RunConformanceOptions = { reporter: 'json' };
// @ts-expect-error: deadlineMs is a number of milliseconds
export const notANumber: RunConformanceOptions = { deadlineMs: '100' };

export const createOperation: MswTargetModule['createOperation'] = (service, scenario) =>
  `${service}/${scenario}`;
// @ts-expect-error: not a scenario of the control protocol (vocabulary.d.ts)
createOperation('checks', 'paused');
