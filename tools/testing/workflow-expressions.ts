/**
 * GitHub Actions expressions (`${{ … }}`), the part the example workflows use (test-only):
 * property paths (`steps.run.outputs.exit`, `vars.X`, `inputs.accept`), string literals,
 * `true`/`false`/`null`, `!`, `==`, `!=`, `&&`, `||` with GitHub's semantics (the operand itself,
 * not a boolean), parentheses and calls of the functions a context gives (`hashFiles`,
 * `always`). Anything else throws, so a workflow using more fails its test instead of being
 * read wrong (https://docs.github.com/actions/reference/workflows-and-actions/expressions).
 */

export type Value = string | boolean | null;

export interface ExpressionContext {
  /** A property path's value; undefined reads as `null`, as an absent property does. */
  readonly lookup: (path: string) => Value | undefined;
  readonly functions: Readonly<Record<string, (...args: Value[]) => Value>>;
}

type Token =
  | { kind: 'op'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'word'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:('(?:[^']|'')*')|(&&|\|\||==|!=|!|\(|\)|,)|([A-Za-z_][\w.-]*))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (match === null) throw new Error(`expression: cannot read "${source.slice(at)}"`);
    at = pattern.lastIndex;
    if (match[1] !== undefined)
      tokens.push({ kind: 'string', text: match[1].slice(1, -1).replaceAll("''", "'") });
    else if (match[2] !== undefined) tokens.push({ kind: 'op', text: match[2] });
    else tokens.push({ kind: 'word', text: match[3] ?? '' });
  }
  return tokens;
}

const truthy = (value: Value): boolean => value !== null && value !== false && value !== '';

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluate(source: string, context: ExpressionContext): Value {
  const tokens = tokenize(source);
  let next = 0;
  const peek = () => tokens[next];
  const take = (text?: string): Token => {
    const token = tokens[next];
    if (token === undefined || (text !== undefined && token.text !== text)) {
      throw new Error(`expression "${source}": expected ${text ?? 'more'}`);
    }
    next += 1;
    return token;
  };
  const primary = (): Value => {
    const token = take();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'op' && token.text === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.kind === 'op' && token.text === '!') return !truthy(primary());
    if (token.kind !== 'word') throw new Error(`expression "${source}": unexpected ${token.text}`);
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.text === 'null') return null;
    if (peek()?.text === '(') {
      take('(');
      const args: Value[] = [];
      while (peek()?.text !== ')') {
        args.push(or());
        if (peek()?.text === ',') take(',');
      }
      take(')');
      const fn = context.functions[token.text];
      if (fn === undefined) throw new Error(`expression "${source}": no function ${token.text}`);
      return fn(...args);
    }
    return context.lookup(token.text) ?? null;
  };
  const comparison = (): Value => {
    let left = primary();
    while (peek()?.text === '==' || peek()?.text === '!=') {
      const op = take().text;
      const right = primary();
      const equal = String(left ?? '').toLowerCase() === String(right ?? '').toLowerCase();
      left = op === '==' ? equal : !equal;
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek()?.text === '&&') {
      take();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek()?.text === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (next !== tokens.length) throw new Error(`expression "${source}": unexpected ${peek()?.text}`);
  return value;
}

/** A text with every `${{ … }}` replaced by its value, as the runner does in `run:` and `with:`. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => {
    const value = evaluate(expression, context);
    return value === null ? '' : String(value);
  });
}

/** An `if:` condition: with or without `${{ }}`, truthy or not. */
export function condition(text: string, context: ExpressionContext): boolean {
  const bare = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text)?.[1] ?? text;
  return truthy(evaluate(bare, context));
}
