/**
 * The document around the report: inline CSS and script only, and a Content Security Policy
 * (https://www.w3.org/TR/CSP3/) that allows exactly those two by hash and nothing else, so the
 * file opens with no network and no injected script could run even if escaping failed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { html, SafeHtml } from './html.ts';

const STYLES = readFileSync(new URL('./report.css', import.meta.url), 'utf8');
const SCRIPT = readFileSync(new URL('./report-client.js', import.meta.url), 'utf8');

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Our own CSS and script are inlined raw; they must not be able to close their element early. */
function inlinable(text: string, element: 'style' | 'script'): SafeHtml {
  if (text.toLowerCase().includes(`</${element}`)) {
    throw new Error(`report ${element} contains </${element}: it cannot be inlined`);
  }
  return new SafeHtml(text);
}

export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLES)}`,
    `script-src ${sha256(SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${inlinable(STYLES, 'style')}</style>
</head>
<body>
${body}
<script>${inlinable(SCRIPT, 'script')}</script>
</body>
</html>
`.value;
}
