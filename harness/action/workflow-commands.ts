/**
 * GitHub Actions workflow commands, as the runner reads them
 * (https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands):
 * `::error title=…,file=…::message` lines on stdout, `name<<DELIMITER` blocks appended to the
 * `$GITHUB_OUTPUT` file, and Markdown appended to the `$GITHUB_STEP_SUMMARY` file. Escaping
 * follows the runner's rules (actions/toolkit core/src/command.ts): in a message `%`, `\r` and
 * `\n`; in a property value also `:` and `,`. Annotations are shown as plain text, never
 * Markdown; other control characters become U+FFFD.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * Control characters other than the line ends escapeData encodes: in the job log a target's
 * escape sequences would recolour or rewrite lines, so they are shown as U+FFFD.
 */
const NOT_TEXT = /[^\P{Cc}\t\r\n]/gu;

export function escapeData(text: string): string {
  return text
    .replace(NOT_TEXT, '\uFFFD')
    .replaceAll('%', '%25')
    .replaceAll('\r', '%0D')
    .replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  readonly title?: string;
  /** A path relative to the repository root, where the runner shows the annotation. */
  readonly file?: string;
}

/** One `::level prop=value,…::message` line (without the line break). */
export function annotation(
  level: AnnotationLevel,
  message: string,
  properties: AnnotationProperties = {},
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${level}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

/**
 * Appends `name` = `value` to a `$GITHUB_OUTPUT`-style file in the multi-line form, with a
 * delimiter the value cannot contain.
 */
export function appendOutput(file: string, name: string, value: string): void {
  let delimiter = `lro_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `lro_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export function appendSummary(file: string, markdown: string): void {
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}
