/**
 * `lro-conformance run --help`, made from the option table (run-option-table.ts): one group per
 * USAGE_GROUPS entry, each row's forms in table order, the text starting at one column. The
 * same forms are the first column of README.md's flag table (readme-docs.test.ts compares them).
 */
import {
  type OptionRow,
  RUN_OPTION_NAMES,
  RUN_OPTIONS,
  USAGE_GROUPS,
  type UsageForm,
  type UsageGroup,
} from './run-option-table.ts';

/** Where the text of a usage line starts; a form that reaches it is followed by two spaces. */
const TEXT_COLUMN = 24;
const INDENT = '  ';

/** `--target URL`, `--live`, `-h, --help`. */
export function formLabel(row: OptionRow, form: UsageForm): string {
  const flag = row.short === undefined ? `--${row.flag}` : `-${row.short}, --${row.flag}`;
  return form.argument === undefined ? flag : `${flag} ${form.argument}`;
}

export interface UsageSection {
  readonly group: UsageGroup;
  readonly rows: readonly { readonly row: OptionRow; readonly form: UsageForm }[];
}

/** The table's forms, group by group, in the order `run --help` lists them. */
export function usageSections(): UsageSection[] {
  return (Object.keys(USAGE_GROUPS) as UsageGroup[]).map((group) => ({
    group,
    rows: RUN_OPTION_NAMES.map((name): OptionRow => RUN_OPTIONS[name])
      .filter((row) => row.group === group)
      .flatMap((row) => row.usage.map((form) => ({ row, form }))),
  }));
}

function groupHeading(group: UsageGroup): string {
  const heading: { readonly title: string; readonly note?: string } = USAGE_GROUPS[group];
  return heading.note === undefined ? `${heading.title}:` : `${heading.title} (${heading.note}):`;
}

function usageLines(row: OptionRow, form: UsageForm): string[] {
  const label = `${INDENT}${formLabel(row, form)}`;
  const lead = label.length < TEXT_COLUMN ? label.padEnd(TEXT_COLUMN) : `${label}  `;
  return form.text.map((line, index) => `${index === 0 ? lead : ' '.repeat(TEXT_COLUMN)}${line}`);
}

export const RUN_USAGE = [
  'Usage: lro-conformance run [options]',
  '',
  'Runs every clause for the selected services and writes the report.',
  '',
  ...usageSections().flatMap(({ group, rows }) => [
    groupHeading(group),
    ...rows.flatMap(({ row, form }) => usageLines(row, form)),
    '',
  ]),
  'Exit codes: 0 every applicable MUST cell passed, and one did, 1 a scored cell fails, 2 usage or',
  'configuration error, 3 the target cannot be reached or a scored check could not be carried out',
  '(ERROR), 4 nothing fails but a scored cell is INCONCLUSIVE or no MUST cell passed (not',
  'verified), 130 interrupted.',
].join('\n');
