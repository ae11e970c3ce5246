/**
 * `--header 'Name: value'` (repeatable, as curl's `-H`): credentials for any URL target. The value
 * may name environment variables, `$NAME` or `${NAME}` (`$$` is a literal `$`), so a secret stays
 * out of shell history and process listings. Names must be RFC 9110 field names (§5.1, `token`);
 * values may not contain CR, LF or NUL (§5.5). Every mistake is one line naming the header, never
 * its value.
 *
 * Which values the scrubber learns: those of headers whose name looks like a credential
 * (`Authorization`, `X-Api-Key`, `Cookie`, `X-Goog-User-Project`, …) and every value that came
 * from the environment. Other literal values (`X-Debug: 1`) are evidence and stay in reports;
 * pass a value through a variable to have it scrubbed.
 */

import { type UsageError, usageError } from '#base';
import { scrubText } from '#reports';

export interface HeaderOption {
  /** The field name as given (`X-Api-Key`). */
  readonly name: string;
  /** The value with its variables expanded. */
  readonly value: string;
  /** Whether the scrubber must learn the value. */
  readonly secret: boolean;
}

export interface HeaderOptions {
  readonly headers: readonly HeaderOption[];
  /** The values to register with the scrubber (`registerSecret`). */
  readonly secrets: readonly string[];
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** RFC 9110 §5.6.2 `token`. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const SECRET_NAME =
  /auth|token|key|secret|cookie|session|passw|credential|signature|jwt|user-project/i;
/** Framing and routing are the harness's business: `--endpoint` changes where requests go. */
const RESERVED = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

/** How messages name the options: `--header` and `--endpoint`, or runConformance's names. */
export interface HeaderOptionNames {
  readonly header: string;
  readonly endpoint: string;
}

const FLAG_NAMES: HeaderOptionNames = { header: '--header', endpoint: '--endpoint' };

export function parseHeaderOptions(
  specs: readonly string[],
  env: Environment = process.env,
  names: HeaderOptionNames = FLAG_NAMES,
): HeaderOptions {
  const headers = specs.map((spec, index) => parseHeaderOption(spec, index, env, names));
  return {
    headers,
    secrets: [
      ...new Set(headers.filter((header) => header.secret).flatMap((h) => secretForms(h.value))),
    ],
  };
}

/** RFC 9110 §11.4 `credentials`: an auth-scheme, spaces, then the token68 or auth-params. */
const SCHEME_AND_CREDENTIALS = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ +(\S.*)$/;

/**
 * The value, and for `Scheme credentials` also the credentials alone: a server that repeats the
 * token in an error body ("invalid token abc…") repeats it without its `Bearer `.
 */
function secretForms(value: string): string[] {
  const credentials = SCHEME_AND_CREDENTIALS.exec(value)?.[1];
  return credentials === undefined ? [value] : [value, credentials];
}

/** The parsed options as a Headers object; repeated names are sent as repeated values. */
export function toHeaders(options: HeaderOptions): Headers {
  const headers = new Headers();
  for (const { name, value } of options.headers) headers.append(name, value);
  return headers;
}

function parseHeaderOption(
  spec: string,
  index: number,
  env: Environment,
  names: HeaderOptionNames,
): HeaderOption {
  const option = names.header;
  const colon = spec.indexOf(':');
  if (colon === -1) {
    // The text is not echoed: it may be a secret typed without its name.
    throw usage(
      `${option} takes "Name: value" with a colon after the name; ${option} number ${index + 1} has no colon`,
    );
  }
  const name = spec.slice(0, colon).trim();
  if (!FIELD_NAME.test(name)) {
    throw usage(
      `${option} name ${JSON.stringify(name)} is not a valid HTTP field name (letters, digits and !#$%&'*+.^_\`|~-)`,
    );
  }
  if (RESERVED.has(name.toLowerCase())) {
    throw usage(
      `${option} "${name}" is set by the harness itself; use ${names.endpoint} SERVICE=URL to change where requests go`,
    );
  }
  const { value, fromEnvironment } = expand(
    spec.slice(colon + 1).trim(),
    `${option} "${name}"`,
    env,
  );
  if (/[\r\n\0]/.test(value)) {
    throw usage(`${option} "${name}": the value contains a line break or NUL, which HTTP forbids`);
  }
  if (value === '') throw usage(`${option} "${name}" has an empty value`);
  return { name, value, secret: fromEnvironment || SECRET_NAME.test(name) };
}

/** `header` names the header in messages: `--header "X-Key"`. */
function expand(
  raw: string,
  header: string,
  env: Environment,
): { value: string; fromEnvironment: boolean } {
  let fromEnvironment = false;
  const value = raw.replace(
    /\$(?:(\$)|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*)|(\{))/g,
    (_match, dollar: string | undefined, braced, bare, open) => {
      if (dollar !== undefined) return '$';
      if (open !== undefined) {
        throw usage(`${header}: "\${" without a closing "}"`);
      }
      const variable = (braced ?? bare) as string;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
        throw usage(`${header}: \${${variable}} is not a variable name (letters, digits, _)`);
      }
      const found = env[variable];
      if (found === undefined || found === '') {
        throw usage(
          `${header} uses $${variable}, which is ${found === undefined ? 'not set' : 'empty'}; export ${variable} or write the value directly`,
        );
      }
      fromEnvironment = true;
      return found;
    },
  );
  return { value, fromEnvironment };
}

/** One line, scrubbed: a header value may be a credential. */
function usage(message: string): UsageError {
  return usageError(scrubText(message));
}
