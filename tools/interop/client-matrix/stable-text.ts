/**
 * Makes what a cell observed independent of run order and port, so docs/CLIENTS.md is
 * deterministic: the operation name (minted `<service>-<serial>` by the reference) is shown as
 * the service's first name, `…-1`, in its raw and percent-encoded forms alike, and a loopback
 * origin loses its port.
 */

export function stableText(text: string, name: string): string {
  const shown = name.replace(/\d+$/, '1');
  return replaceAll(
    replaceAll(text, encodeURIComponent(name), encodeURIComponent(shown)),
    name,
    shown,
  ).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:<port>');
}

function replaceAll(text: string, search: string, replacement: string): string {
  return search === '' ? text : text.split(search).join(replacement);
}
