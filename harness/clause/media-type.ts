/**
 * JSON answers carry a JSON media type: "The media type for JSON text is application/json"
 * (RFC 8259 section 11), and structured `+json` types (RFC 6839 section 3.1) are JSON too.
 * Parameters such as `charset` do not change the type (RFC 9110 section 8.3.1).
 */
export function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
