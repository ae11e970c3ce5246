/**
 * Percent-encoding of variable values, as googleapis `google/api/http.proto` specifies it:
 * for a single-segment variable "all characters except `[-_.~0-9a-zA-Z]` are percent-encoded.
 * The server side does the reverse decoding"; for a multi-segment variable "all characters
 * except `[-_.~/0-9a-zA-Z]` are percent-encoded. The server side does the reverse decoding,
 * except "%2F" and "%2f" are left unchanged."
 */

/** encodeURIComponent also spares `!'()*`, which http.proto wants encoded. */
const SPARED_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;

/**
 * Encodes everything but `[-_.~0-9a-zA-Z]` as UTF-8 percent escapes (a `/` becomes `%2F`).
 * @throws URIError for a string with a lone surrogate, which has no UTF-8 form.
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(
    SPARED_BY_ENCODE_URI_COMPONENT,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encodes each `/`-separated segment and keeps the separators literal. */
export function encodeMultiSegment(value: string): string {
  return value.split('/').map(encodeSegment).join('/');
}

/** Full decoding, or undefined for a malformed escape (`%zz`) or invalid UTF-8. */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Decodes everything except `%2F`/`%2f`, which stays exactly as sent. */
export function decodeMultiSegment(raw: string): string | undefined {
  // With a capture group, split keeps the separators at the odd indices.
  const pieces = raw.split(/(%2F)/i);
  const decoded: string[] = [];
  for (const [index, piece] of pieces.entries()) {
    const text = index % 2 === 1 ? piece : decodeSegment(piece);
    if (text === undefined) return undefined;
    decoded.push(text);
  }
  return decoded.join('');
}
