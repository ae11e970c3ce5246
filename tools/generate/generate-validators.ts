/**
 * Writes the validators compiled ahead of time (`npm run generate`): the shared components of
 * specs/common.openapi.json for the harness, results.json and expectations files for reports.
 * A test fails while a committed module differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import {
  COMMON_VALIDATORS_FILE,
  renderCommonValidators,
  renderCommonValidatorTypes,
} from './common-validators.ts';
import {
  REPORT_VALIDATORS_FILE,
  renderReportValidators,
  renderReportValidatorTypes,
} from './report-validators.ts';

export const GENERATED_VALIDATORS = [
  { file: COMMON_VALIDATORS_FILE, render: renderCommonValidators },
  {
    file: new URL('./validators.d.ts', COMMON_VALIDATORS_FILE),
    render: renderCommonValidatorTypes,
  },
  { file: REPORT_VALIDATORS_FILE, render: renderReportValidators },
  {
    file: new URL('./validators.d.ts', REPORT_VALIDATORS_FILE),
    render: renderReportValidatorTypes,
  },
] as const;

if (import.meta.main) {
  for (const { file, render } of GENERATED_VALIDATORS) writeFileSync(file, render());
  process.stdout.write(`wrote ${GENERATED_VALIDATORS.length} validator modules\n`);
}
