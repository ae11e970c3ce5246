/**
 * Secrets learnt while a run is under way: access tokens obtained through Application Default
 * Credentials, values given with `--header`, `x-goog-user-project` values, API keys. Patterns
 * (scrub.ts) catch credentials by their shape; this registry catches them by value, wherever they
 * turn up (a URL, an echoed body, an error message), so every output is scrubbed by the same
 * function, `scrubText` (Schemathesis scrubs tokens from every output in the same way).
 *
 * The registry is per thread (module state): a worker thread that learns a token registers it in
 * its own copy. A secret also appears in the encoded forms an HTTP exchange, or a target that
 * echoes what it was sent, may carry it in: percent-encoded (path or query, upper- or lower-case
 * hex digits), form-encoded (`application/x-www-form-urlencoded`), JSON-escaped, hex (either
 * case), and base64 and base64url (RFC 4648 §4, §5) also inside a longer encoded text, such as
 * `Bearer <token>` or `user:<password>` encoded whole.
 */

/**
 * Values shorter than this are refused: scrubbing `1` or `true` everywhere would destroy the
 * evidence, and a value that short is no secret (Google project ids have at least 6 characters).
 */
export const MIN_SECRET_LENGTH = 4;

const secrets = new Set<string>();
/** Every registered value and its encoded forms, longest first; rebuilt on change. */
let forms: readonly string[] = [];

/**
 * Learns a secret value: from now on `scrubText` replaces it, and its encoded forms, wherever
 * it occurs. Returns false (and learns nothing) for a value shorter than MIN_SECRET_LENGTH.
 */
export function registerSecret(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < MIN_SECRET_LENGTH) return false;
  if (!secrets.has(trimmed)) {
    secrets.add(trimmed);
    forms = encodedForms(secrets);
  }
  return true;
}

/** Forgets every registered secret (tests, or a new run in the same process). */
export function forgetSecrets(): void {
  secrets.clear();
  forms = [];
}

/** How many values are registered (never the values themselves). */
export function registeredSecretCount(): number {
  return secrets.size;
}

/** Replaces every registered secret, in any of its encoded forms, with `replacement`. */
export function replaceSecrets(text: string, replacement: string): string {
  let out = text;
  for (const form of forms) {
    if (out.includes(form)) out = out.replaceAll(form, replacement);
  }
  return out;
}

function encodedForms(values: ReadonlySet<string>): readonly string[] {
  const all = new Set<string>();
  for (const value of values) {
    const percent = encodeURIComponent(value);
    const bytes = Buffer.from(value, 'utf8');
    const hex = bytes.toString('hex');
    all.add(value);
    all.add(percent);
    all.add(percent.replace(/%[0-9A-F]{2}/g, (triplet) => triplet.toLowerCase()));
    all.add(new URLSearchParams({ v: value }).toString().slice(2));
    all.add(JSON.stringify(value).slice(1, -1));
    all.add(hex);
    all.add(hex.toUpperCase());
    for (const core of base64Cores(bytes)) {
      all.add(core);
      all.add(core.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...all]
    .filter((form) => form.length >= MIN_SECRET_LENGTH)
    .toSorted((a, b) => b.length - a.length);
}

/**
 * The base64 characters that depend on `bytes` alone, for each of the three positions the bytes
 * can take within a longer encoded text (their offset modulo 3): whatever surrounds the secret,
 * one of the three appears wherever the secret's bytes were encoded. A character that mixes in a
 * neighbouring byte, at most two at each end, is left out.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const start = Math.ceil((8 * shift) / 6);
    const end = Math.floor((8 * (shift + bytes.length)) / 6);
    cores.push(encoded.slice(start, end));
  }
  return cores;
}
