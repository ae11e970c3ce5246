/**
 * How quoted text is compared. Discovery descriptions are Markdown-ish (`Code.CANCELLED` in
 * backticks, line breaks anywhere) while the documentation pages render the same sentences
 * plainly, so both sides are normalised first: Unicode compatibility forms, straight quotes,
 * no backticks, single spaces. Similar text is found by a word-level longest common subsequence.
 */

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replaceAll('`', '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalised sentences: a split after `.`, `!` or `?` followed by a space. */
export function sentencesOf(text: string): string[] {
  return normaliseText(text)
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => sentence !== '');
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_.]+/gu) ?? [];
}

/** 2·LCS / (|a| + |b|) over words: 1 for the same words in the same order, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (x.length + y.length === 0) return 1;
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const word of x) {
    const row = [0];
    for (const [j, other] of y.entries()) {
      row.push(
        word === other ? (previous[j] ?? 0) + 1 : Math.max(previous[j + 1] ?? 0, row[j] ?? 0),
      );
    }
    previous = row;
  }
  return (2 * (previous[y.length] ?? 0)) / (x.length + y.length);
}

/** The fewest consecutive sentences of `text` that contain `quote`, or undefined. */
export function sentencesContaining(text: string, quote: string): string | undefined {
  const wanted = normaliseText(quote);
  const sentences = sentencesOf(text);
  for (let length = 1; length <= sentences.length; length++) {
    for (let start = 0; start + length <= sentences.length; start++) {
      const window = sentences.slice(start, start + length).join(' ');
      if (window.includes(wanted)) return window;
    }
  }
  return undefined;
}

/** The run of one to n+1 sentences of `text` most like `target` (n = its sentence count). */
export function mostSimilarSentences(
  text: string,
  target: string,
): { readonly text: string; readonly score: number } | undefined {
  const sentences = sentencesOf(text);
  const longest = sentencesOf(target).length + 1;
  let best: { text: string; score: number } | undefined;
  for (let start = 0; start < sentences.length; start++) {
    for (let length = 1; length <= longest && start + length <= sentences.length; length++) {
      const window = sentences.slice(start, start + length).join(' ');
      const score = similarity(window, target);
      if (best === undefined || score > best.score) best = { text: window, score };
    }
  }
  return best;
}
