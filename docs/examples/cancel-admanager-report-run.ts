// Cancel an Ad Manager report run with google-gax and the service's HTTP rules: the call
// @google-ads/admanager's own cancelOperation cannot make (docs/CLIENTS.md). Runs offline
// against the lro-conformance reference through MSW; against Google, drop the MSW lines and
// use your own credentials (new GoogleAuth({scopes: 'https://www.googleapis.com/auth/admanager'})).
import { createRequire } from 'node:module';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { fallback, operationsProtos } from 'google-gax';
import { createReferenceHandlers, createReferenceModel } from 'lro-conformance/msw';
import { setupServer } from 'msw/node';

const model = createReferenceModel();
const server = setupServer(...createReferenceHandlers({ model }));
server.listen({ onUnhandledFrame: 'error' });
const name = model.createOperation('admanager', 'running');

const authClient = new OAuth2Client();
authClient.setCredentials({ access_token: 'example-token' });

// The proto root ReportServiceClient hands to google-gax, with both bindings of
// google/ads/admanager/v1/admanager_v1.yaml. `body: ''` is needed: left out, gax keeps the
// default CancelOperation rule's `body: "*"`.
const require = createRequire(import.meta.url);
const RUN = '/v1/{name=networks/*/operations/reports/runs/*}';
const operations = fallback
  .lro({
    auth: new GoogleAuth({ authClient }),
    protoJson: fallback.protobuf.Root.fromJSON(
      require('@google-ads/admanager/build/protos/protos.json'),
    ),
    httpRules: [
      { selector: 'google.longrunning.Operations.GetOperation', get: RUN },
      {
        selector: 'google.longrunning.Operations.CancelOperation',
        post: `${RUN}:cancel`,
        body: '',
      },
    ],
  })
  .operationsClient({ fallback: true, apiEndpoint: 'admanager.googleapis.com' });

const { CancelOperationRequest, GetOperationRequest } = operationsProtos.google.longrunning;
await operations.cancelOperation(CancelOperationRequest.create({ name }));
const [operation] = await operations.getOperation(GetOperationRequest.create({ name }));
console.log(`${operation.name}: done=${operation.done}, error.code=${operation.error?.code}`);

operations.close();
server.close();
