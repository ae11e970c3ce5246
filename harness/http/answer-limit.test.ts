import { describe, expect, it } from 'vitest';
import {
  AnswerTooLargeError,
  bodyForEvidence,
  EVIDENCE_BODY_BYTES,
  isCutForEvidence,
  withAnswerLimit,
} from './answer-limit.ts';

describe('bodyForEvidence', () => {
  it('keeps a body up to 64 KiB whole', () => {
    const body = 'x'.repeat(EVIDENCE_BODY_BYTES);
    expect(bodyForEvidence(body)).toBe(body);
    expect(isCutForEvidence(body)).toBe(false);
  });

  it('keeps the first 64 KiB of a longer one and says so', () => {
    const kept = bodyForEvidence(`{"name":"x"}${' '.repeat(2 * 1024 * 1024)}`);
    expect(kept).toBe(
      `{"name":"x"}${' '.repeat(EVIDENCE_BODY_BYTES - 12)}\n[lro-conformance: body cut for the evidence: 2097164 bytes in all; the first 65536 bytes are kept]`,
    );
    expect(isCutForEvidence(kept)).toBe(true);
  });

  it('cuts at a character boundary, never inside a UTF-8 sequence', () => {
    // 'é' is two bytes: an odd number of ASCII bytes first puts the cut inside one.
    const kept = bodyForEvidence(`x${'é'.repeat(EVIDENCE_BODY_BYTES)}`);
    const text = kept.slice(0, kept.indexOf('\n[lro-conformance'));
    expect(text).toBe(`x${'é'.repeat((EVIDENCE_BODY_BYTES - 2) / 2)}`);
    expect(text).not.toContain('\uFFFD');
  });
});

describe('withAnswerLimit', () => {
  const answering = (body: ConstructorParameters<typeof Response>[0]) => async () =>
    new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

  it('passes an answer within the limit through, body intact', async () => {
    const fetch = withAnswerLimit(answering('{"done":true}'), 1024);
    const response = await fetch(new Request('http://h/v1/x'));
    expect(await response.json()).toEqual({ done: true });
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('refuses a stream that never ends (an MSW handler can answer one) once past the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const fetch = withAnswerLimit(answering(endless), 4096);
    await expect(fetch(new Request('http://h/v1/x'))).rejects.toBeInstanceOf(AnswerTooLargeError);
    expect(pulled).toBeLessThan(10);
  });
});
