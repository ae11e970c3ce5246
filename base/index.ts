/**
 * The base (`#base`): the pieces every part uses, in one leaf folder that imports nothing of the
 * project (docs/ARCHITECTURE.md). Explicit named re-exports only, no `export *`.
 *
 * The two executables (harness/cli/bin.ts, harness/action/bin.ts) import node-version.ts and
 * errors.ts directly instead: they check the Node version before anything else loads.
 */
export {
  FileNotReplacedError,
  type FileText,
  makeDirectory,
  replaceFilesTogether,
  TEMPORARY_SUFFIX,
  writeFileAtomically,
} from './atomic-write.ts';
export { type Clock, ManualClock, systemClock } from './clock.ts';
export {
  type ErrorCode,
  type ErrorFamily,
  EXIT_CONFORMANT,
  EXIT_HARNESS,
  EXIT_INTERRUPTED,
  EXIT_NOT_CONFORMANT,
  EXIT_NOT_VERIFIED,
  EXIT_USAGE,
  exitCodeOfError,
  HarnessError,
  invalidFileError,
  isErrorOf,
  isLroError,
  LroError,
  UnavailableError,
  UsageError,
  usageError,
} from './errors.ts';
export { isJsonObject, type JsonObject } from './json-object.ts';
export { satisfiesNodeVersion } from './node-version.ts';
export { readPackageVersion } from './package-version.ts';
export { plural } from './plural.ts';
