/**
 * The `#reports/codegen` entry point: what `npm run generate` uses to emit ajv's standalone
 * validators (reports/generated/, harness/validators/generated/). Kept out of the `#reports`
 * barrel, which every run loads on both threads, because it loads all of ajv's compiler
 * (issue 12: the runtime needs only the generated code). Explicit named re-exports only.
 */
export { STANDALONE_HEADER, standaloneAjv, standaloneModule } from './json-schema-standalone.ts';
export {
  REPORT_VALIDATORS_FILE,
  renderReportValidators,
  renderReportValidatorTypes,
} from './report-validators.ts';
