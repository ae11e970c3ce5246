/**
 * Clause selection by glob (`--clause 'cancel/*'`): `*` matches within one path segment of a
 * clause id, `**` across segments, `?` one character other than `/`; anything else is literal.
 *
 * Matched by one pass over the pattern with the set of id positions reached so far, so the time
 * is at most the pattern's length times the id's, whatever the pattern: a pattern comes from the
 * command line, the Action's `clauses` input or `runConformance({ clauses })`, and a glob turned
 * into a regular expression (one `[^/]*` per `*`) backtracks exponentially on patterns with many
 * stars (16 stars took 43 s). picomatch and minimatch compile to such regular expressions too:
 * `'c*'.repeat(8) + '!'` against 60 `c`s took picomatch 4.0.7 45 s on these machines.
 */

type Token =
  | { readonly kind: 'literal'; readonly char: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'segment' }
  | { readonly kind: 'any' };

export function matchesGlob(id: string, pattern: string): boolean {
  // reached[j]: the pattern read so far matches the first j characters of the id.
  let reached = new Uint8Array(id.length + 1);
  let next = new Uint8Array(id.length + 1);
  reached[0] = 1;
  for (const token of tokensOf(pattern)) {
    for (let j = 0; j <= id.length; j += 1) {
      const char = id[j - 1];
      switch (token.kind) {
        case 'literal':
          next[j] = j > 0 && reached[j - 1] === 1 && char === token.char ? 1 : 0;
          break;
        case 'one':
          next[j] = j > 0 && reached[j - 1] === 1 && char !== '/' ? 1 : 0;
          break;
        case 'segment':
          next[j] = reached[j] === 1 || (j > 0 && next[j - 1] === 1 && char !== '/') ? 1 : 0;
          break;
        case 'any':
          next[j] = reached[j] === 1 || (j > 0 && next[j - 1] === 1) ? 1 : 0;
          break;
      }
    }
    [reached, next] = [next, reached];
  }
  return reached[id.length] === 1;
}

/** The pattern's tokens; a run of stars is one token (`**` or more crosses segments). */
function tokensOf(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*') {
      let end = index;
      while (pattern[end + 1] === '*') end += 1;
      tokens.push({ kind: end > index ? 'any' : 'segment' });
      index = end;
    } else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'literal', char });
  }
  return tokens;
}
