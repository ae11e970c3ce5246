/**
 * Clause selection by glob (`--clause 'cancel/*'`): `*` matches within one path segment of a
 * clause id, `**` across segments, `?` one character; anything else is literal.
 */
export function matchesGlob(id: string, pattern: string): boolean {
  return globToRegExp(pattern).test(id);
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
