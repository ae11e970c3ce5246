import { describe, expect, it } from 'vitest';
import { FINDING_LINE_MAX, findingLine } from './finding-line.ts';

describe('findingLine', () => {
  it('keeps a one-line message as it is', () => {
    expect(findingLine('the accepted cancel answered 202, expected 200', '?')).toBe(
      'the accepted cancel answered 202, expected 200',
    );
  });

  it('gives the digest of an error envelope instead of its JSON', () => {
    const message =
      'expected 400 FAILED_PRECONDITION, got HTTP 500: {"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"X","domain":"y"}]}}';
    expect(findingLine(message, '?')).toBe(
      'expected 400 FAILED_PRECONDITION, got HTTP 500: error 500 INTERNAL "Internal error encountered."',
    );
  });

  it("gives an Operation's name and state instead of its JSON", () => {
    const message =
      'cancel answered 200 with {"name":"operations/dai-1","metadata":{"@type":"type.googleapis.com/google.protobuf.Empty"},"done":true,"error":{"code":1,"message":"Operation cancelled."}}, not {}';
    expect(findingLine(message, '?')).toBe(
      'cancel answered 200 with Operation operations/dai-1 (done, error.code 1), not {}',
    );
  });

  it('completes a line that announces a list with its first item', () => {
    const message = [
      'expected an AIP-193 error envelope (501 UNIMPLEMENTED), got:',
      '- [envelope-code-equals-http-status] /error/code: error.code is 404 but the response is HTTP 501',
      '- [envelope-status-matches-http-status] /error/status: error.status is NOT_FOUND',
    ].join('\n');
    expect(findingLine(message, '?')).toBe(
      'expected an AIP-193 error envelope (501 UNIMPLEMENTED), got: /error/code: error.code is 404 but the response is HTTP 501 (and 1 more)',
    );
  });

  it('cuts a long line, and falls back when there is no message', () => {
    const line = findingLine(`a ${'word '.repeat(100)}`, '?');
    expect(line).toHaveLength(FINDING_LINE_MAX);
    expect(line.endsWith('…')).toBe(true);
    expect(findingLine(undefined, 'FAIL (no message)')).toBe('FAIL (no message)');
    expect(findingLine('  \n ', 'none')).toBe('none');
  });

  it('leaves a body that is not JSON, or short, alone but for its length', () => {
    expect(findingLine('answered {"code":2} and {not json', '?')).toBe(
      'answered {"code":2} and {not json',
    );
  });
});
