/**
 * Evidence scrubbing for the harness's exchange recorder. The scrubber itself lives in
 * reports/redact.ts (one scrubber for every output, reports may not import the harness); these
 * names stay here so existing imports keep working.
 */
export { REDACTED, scrubHeaders, scrubUrl } from '#reports';
