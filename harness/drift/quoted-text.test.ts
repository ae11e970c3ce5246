import { describe, expect, it } from 'vitest';
import {
  mostSimilarSentences,
  normaliseText,
  sentencesContaining,
  sentencesOf,
  similarity,
} from './quoted-text.ts';

const CANCEL =
  "Starts asynchronous cancellation on a long-running operation. The server makes a best effort to cancel the operation, but success is not guaranteed. If the server doesn't support this method, it returns `google.rpc.Code.UNIMPLEMENTED`. On successful cancellation, the operation is not deleted; instead, it becomes an operation with an Operation.error value with a google.rpc.Status.code of `1`, corresponding to `Code.CANCELLED`.";

describe('quoted text', () => {
  it('reads Markdown code spans, curly quotes and line breaks as the plain sentence', () => {
    expect(normaliseText('returns\n  `google.rpc.Code.UNIMPLEMENTED`. doesn\u2019t')).toBe(
      "returns google.rpc.Code.UNIMPLEMENTED. doesn't",
    );
  });

  it('splits sentences after a full stop and a space, not inside dotted names', () => {
    expect(sentencesOf(CANCEL)).toHaveLength(4);
    expect(sentencesOf(CANCEL)[2]).toBe(
      "If the server doesn't support this method, it returns google.rpc.Code.UNIMPLEMENTED.",
    );
  });

  it('finds the fewest sentences around a quote that starts mid-sentence', () => {
    expect(
      sentencesContaining(
        CANCEL,
        'it becomes an operation with an Operation.error value with a google.rpc.Status.code of 1',
      ),
    ).toBe(sentencesOf(CANCEL)[3]);
    expect(sentencesContaining(CANCEL, 'the operation is deleted')).toBeUndefined();
    const two =
      'The server makes a best effort to cancel the operation, but success is not guaranteed. If the server';
    expect(sentencesContaining(CANCEL, two)?.split('. ')).toHaveLength(2);
  });

  it('scores the same words 1, a rewording high and other text low', () => {
    const sentence = sentencesOf(CANCEL)[3] ?? '';
    expect(similarity(sentence, sentence)).toBe(1);
    expect(similarity(sentence, sentence.replace('of 1', 'of 2'))).toBeGreaterThan(0.9);
    expect(similarity(sentence, 'Gets the latest state of a long-running operation.')).toBeLessThan(
      0.3,
    );
    expect(similarity('', '')).toBe(1);
  });

  it('picks the run of sentences most like the old text', () => {
    const old = sentencesOf(CANCEL)[3] ?? '';
    const rewritten = CANCEL.replace('is not deleted; instead, it becomes', 'is kept and becomes');
    const nearest = mostSimilarSentences(rewritten, old);
    expect(nearest?.text).toMatch(/^On successful cancellation, the operation is kept and becomes/);
    expect(nearest?.score).toBeGreaterThan(0.8);
    expect(mostSimilarSentences('', old)).toBeUndefined();
  });
});
