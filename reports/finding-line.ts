/**
 * A finding in one line: what was expected and what came back, for the heading of a finding in
 * every report, where the whole message (with its lists and bodies) would bury the point.
 * Messages quote answers verbatim; here a quoted JSON body longer than a glance becomes a digest
 * of what matters (an AIP-193 error envelope's code, status and message; an Operation's name and
 * state), a message whose first line only announces a list ("…, got:") takes the list's first
 * item, and the line is cut at a readable length. The full message stays in every report.
 */

/** Longer than this, a line is cut: a heading should fit a terminal or a phone's width twice. */
export const FINDING_LINE_MAX = 200;

/** A JSON body shorter than this is shown as it came. */
const BODY_MAX = 60;

/** Where the balanced `{…}` that opens at `start` closes (strings and escapes respected). */
function objectEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoted(value: unknown): string {
  const text = String(value);
  return `"${text.length > BODY_MAX ? `${text.slice(0, BODY_MAX - 1)}…` : text}"`;
}

/** `error 500 INTERNAL "Cancel is not available."`, `Operation operations/x (done, error.code 2)`. */
function bodyDigest(body: string): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return `${body.slice(0, BODY_MAX - 1)}…`;
  }
  if (isObject(value) && isObject(value.error) && !('name' in value)) {
    const { code, status, message } = value.error;
    const parts = [code, status].filter((part) => part !== undefined).map(String);
    return `error ${parts.join(' ')}${message === undefined ? '' : ` ${quoted(message)}`}`.trim();
  }
  if (isObject(value) && typeof value.name === 'string') {
    const state =
      value.done !== true
        ? 'not done'
        : isObject(value.error)
          ? `done, error.code ${String(value.error.code ?? 'absent')}`
          : 'response' in value
            ? 'done with a response'
            : 'done';
    return `Operation ${value.name} (${state})`;
  }
  return `${body.slice(0, BODY_MAX - 1)}…`;
}

/** Every JSON object in the line longer than a glance, replaced by its digest. */
function digestBodies(line: string): string {
  let out = '';
  let at = 0;
  for (let start = line.indexOf('{'); start !== -1; start = line.indexOf('{', at)) {
    const end = objectEnd(line, start);
    if (end === undefined) break;
    const body = line.slice(start, end + 1);
    out += line.slice(at, start) + (body.length > BODY_MAX ? bodyDigest(body) : body);
    at = end + 1;
  }
  return out + line.slice(at);
}

/** `- [rule-id] /path: text` → `/path: text`. */
function listItem(line: string): string {
  return line.replace(/^\s*[-*]\s+/, '').replace(/^\[[\w-]+\]\s+/, '');
}

export function findingLine(message: string | undefined, fallback: string): string {
  const lines = (message ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [first, ...rest] = lines;
  if (first === undefined) return fallback;
  let line = first;
  const [item, ...more] = rest;
  if (line.endsWith(':') && item !== undefined) {
    line = `${line} ${listItem(item)}${more.length > 0 ? ` (and ${more.length} more)` : ''}`;
  }
  line = digestBodies(line.replace(/\s+/g, ' '));
  return line.length > FINDING_LINE_MAX ? `${line.slice(0, FINDING_LINE_MAX - 1)}…` : line;
}
