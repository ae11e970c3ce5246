/**
 * Building XML 1.0 text safely (https://www.w3.org/TR/xml/): characters the `Char` production
 * (§2.2) forbids, such as most C0 controls and lone surrogates, are replaced by U+FFFD; markup
 * characters are escaped (§2.4), and in attribute values tab, newline and carriage return become
 * character references so attribute-value normalisation (§3.3.3) does not turn them into spaces.
 */

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Character data: element content. */
export function xmlText(text: string): string {
  return xmlChars(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#13;');
}

/** An attribute value, for use between double quotes. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;');
}

export type XmlAttributes = Readonly<Record<string, string | number | undefined>>;

/** `<name a="1">content</name>`, or `<name a="1"/>` without content; undefined attributes are left out. */
export function xmlElement(name: string, attributes: XmlAttributes, content?: string): string {
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join('');
  return content === undefined
    ? `<${name}${attributeText}/>`
    : `<${name}${attributeText}>${content}</${name}>`;
}
