/**
 * The protobuf root a google-gax REST-fallback client decodes operations with. A generated GAPIC
 * client builds it from its own `protos/protos.json`: google.longrunning (with google.rpc.Status)
 * plus the service's own messages, and nothing else. The published @google-cloud/data-fusion
 * root, for one, has `google.rpc.Status` but no `google.rpc.ErrorInfo`
 * (https://github.com/googleapis/google-cloud-node/blob/main/packages/google-cloud-datafusion/protos/protos.json).
 * gax decodes every `google.protobuf.Any` against this root and fails the call when a `@type` is
 * missing ("cannot find type"), so this root, without any service's messages, is the strictest
 * client the reference must satisfy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { fallback } from 'google-gax';
import { InteropSetupError } from './interop-error.ts';

type Root = InstanceType<typeof fallback.protobuf.Root>;

/** google-gax's own copy of google/longrunning/operations.proto as protobuf.js JSON. */
function readOperationsJson(): unknown {
  const gaxMain = createRequire(import.meta.url).resolve('google-gax');
  // Not in the package's `exports`: read it from disk, next to build/src/ (google-gax 6 layout).
  const file = new URL('../protos/operations.json', pathToFileURL(gaxMain));
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new InteropSetupError(
      `Cannot read google-gax's operations.json at ${file.pathname}: is google-gax 6 installed (npm ci)?`,
      { cause },
    );
  }
}

/**
 * A fresh root holding google.longrunning, google.rpc.Status and the well-known types; fresh
 * because gax mutates it when it applies HTTP rules (a cached root would leak one service's
 * bindings into the next client).
 */
export function createOperationsRoot(): Root {
  return fallback.protobuf.Root.fromJSON(readOperationsJson() as object);
}
