/**
 * `@google-ads/admanager`'s `ReportServiceClient`, the GAPIC client whose `runReport` returns the
 * long-running operations of `networks/*\/operations/reports/runs/*`. It talks REST by default
 * (`fallback: true` unless told otherwise) through its own google-gax 5, and builds its
 * OperationsClient with `lroOptions.httpRules` that bind GetOperation only
 * (build/src/v1/report_service_client.js), so gax keeps its built-in CancelOperation binding
 * `/v1/{name=operations/**}:cancel`, which no Ad Manager operation name matches. The service binds
 * cancel to `/v1/{name=networks/*\/operations/reports/runs/*}:cancel` without a body
 * (https://github.com/googleapis/googleapis/blob/master/google/ads/admanager/v1/admanager_v1.yaml
 * and specs/services/admanager.openapi.json).
 *
 * Loaded with `require` and typed by the calls made here: its typings (every Ad Manager message)
 * would add seconds to every `npm run typecheck`.
 */
import type { SeedServiceProfile } from '#specs';
import type { InteropTarget } from '../../interop-targets.ts';
import { googleAuthFrom } from '../../test-credentials.ts';
import type { ClientUnderTest, OpenClient } from '../client-under-test.ts';
import { firstOf, gaxStyleCalls, invokeGaxStyle, type LroOperation } from '../gax-style-calls.ts';
import { installedVersion, requireFrom } from '../installed-version.ts';

const PACKAGE = '@google-ads/admanager';

interface ReportServiceClient {
  getOperation(request: { name: string }): Promise<unknown>;
  cancelOperation(request: { name: string }): Promise<unknown>;
  checkRunReportProgress(name: string): Promise<LroOperation>;
  close(): Promise<void>;
}

interface AdmanagerModule {
  readonly ReportServiceClient: new (options: object) => ReportServiceClient;
}

async function open(target: InteropTarget, profile: SeedServiceProfile): Promise<OpenClient> {
  const load = requireFrom(PACKAGE);
  const { ReportServiceClient } = load(PACKAGE) as AdmanagerModule;
  const client = new ReportServiceClient({
    auth: googleAuthFrom(load),
    ...target.gaxEndpoint(profile),
  });
  return {
    invoke: (call, name, hooks) =>
      invokeGaxStyle(
        {
          getOperation: async (operationName) =>
            firstOf(await client.getOperation({ name: operationName })),
          cancelOperation: async (operationName) =>
            firstOf(await client.cancelOperation({ name: operationName })),
          checkProgress: (operationName) => client.checkRunReportProgress(operationName),
        },
        call,
        name,
        hooks,
      ),
    close: () => client.close(),
  };
}

export const admanagerReportService: ClientUnderTest = {
  id: 'admanager-gapic',
  title: '@google-ads/admanager ReportServiceClient',
  construction:
    '`new ReportServiceClient({auth})`: REST transport by default, its own google-gax 5 OperationsClient',
  services: () => ['admanager'],
  calls: gaxStyleCalls('`checkRunReportProgress(name)`'),
  packages: () => [
    { name: PACKAGE, version: installedVersion(PACKAGE) },
    {
      name: 'google-gax',
      version: installedVersion('google-gax', requireFrom(PACKAGE).resolve(PACKAGE)),
      note: `its own copy, under ${PACKAGE}`,
    },
  ],
  workaround: (call, profile) =>
    call.kind === 'cancel' || call.kind === 'lro-cancel'
      ? `cancel through a google-gax OperationsClient built with the service’s rules, CancelOperation \`{post: "${profile.cancel.httpRule}", body: ""}\`: [runnable example](REFERENCE.md#cancelling-ad-manager-report-runs).`
      : undefined,
  open,
};
