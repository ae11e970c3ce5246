/**
 * The run options room's one entry, for the front doors (harness/cli, harness/api,
 * harness/action) and the pipeline (harness/run): the option table and what is made from it,
 * the two front doors' readers, the one check that builds RunOptions, and the argument helpers
 * every command shares. Explicit named re-exports only.
 */
export { apiRunValues } from './api-run-values.ts';
export {
  parseChoice,
  parseCommandLine,
  parseFlags,
  parseInteger,
  parseList,
  parseServiceValue,
} from './args.ts';
export { cliRunValues } from './cli-run-values.ts';
export {
  CREDENTIAL_PARSE_CONFIG,
  credentialFlagValues,
  credentialOptions,
} from './live-options.ts';
export { mswServices } from './msw-target-option.ts';
export { FLAG_TERMS, OPTION_NAME_TERMS, type OptionTerms } from './option-terms.ts';
export {
  type OptionRow,
  RUN_OPTION_NAMES,
  RUN_OPTIONS,
  type RunConformanceOptions,
  USAGE_GROUPS,
} from './run-option-table.ts';
export { parseRunOptions, type RunOptions, runOptionsOf } from './run-options.ts';
export { runProfiles } from './run-profiles.ts';
export { formLabel, RUN_USAGE, usageSections } from './run-usage.ts';
export { checkServiceValues, oneEach } from './service-values.ts';
