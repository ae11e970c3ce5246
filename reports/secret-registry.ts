/**
 * Secrets learnt while a run is under way: access tokens obtained through Application Default
 * Credentials, values given with `--header`, `x-goog-user-project` values, API keys. Patterns
 * (scrub.ts) catch credentials by their shape; this registry catches them by value, wherever they
 * turn up (a URL, an echoed body, an error message), so every output is scrubbed by the same
 * function, `scrubText` (Schemathesis scrubs tokens from every output in the same way).
 *
 * The registry is per thread (module state): a worker thread that learns a token registers it in
 * its own copy. A secret also appears in the encoded forms an HTTP exchange may carry it in:
 * percent-encoded (path or query), form-encoded (`application/x-www-form-urlencoded`) and
 * JSON-escaped.
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
    all.add(value);
    all.add(encodeURIComponent(value));
    all.add(new URLSearchParams({ v: value }).toString().slice(2));
    all.add(JSON.stringify(value).slice(1, -1));
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...all].filter((form) => form.length > 0).toSorted((a, b) => b.length - a.length);
}
