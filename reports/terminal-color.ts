/**
 * Whether terminal output gets ANSI colours. FORCE_COLOR decides first, read as Node does
 * (lib/internal/util/colors.js `shouldColorize`, lib/internal/tty.js `getColorDepth`: `''`,
 * `1`, `true`, `2`, `3` turn colours on, anything else off, even without a TTY); then NO_COLOR,
 * when present and not empty, turns them off (https://no-color.org); so do Node's
 * NODE_DISABLE_COLORS and `TERM=dumb`; otherwise colours follow whether the stream is a TTY.
 */
import type { Outcome } from './results-model.ts';

export interface ColorContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether the stream written to is a terminal (`stream.isTTY`). */
  readonly isTTY: boolean;
}

const FORCE_COLOR_ON: ReadonlySet<string> = new Set(['', '1', 'true', '2', '3']);

export function shouldUseColor({ env, isTTY }: ColorContext): boolean {
  if (env.FORCE_COLOR !== undefined) return FORCE_COLOR_ON.has(env.FORCE_COLOR);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  return isTTY;
}

/** The colour decision for one stream of this process. */
export function streamUsesColor(stream: { readonly isTTY?: boolean }): boolean {
  return shouldUseColor({ env: process.env, isTTY: stream.isTTY === true });
}

/** SGR colour per outcome (ECMA-48 §8.3.117): green, red, magenta, yellow, dim. */
const OUTCOME_SGR: Readonly<Record<Outcome, string>> = {
  PASS: '32',
  FAIL: '31',
  ERROR: '35',
  INCONCLUSIVE: '33',
  NOT_APPLICABLE: '2',
  SKIPPED: '2',
};

/** The text in its outcome's colour, or unchanged when colour is off. */
export function paintOutcome(text: string, outcome: Outcome | undefined, color: boolean): string {
  return color && outcome !== undefined ? `\u001b[${OUTCOME_SGR[outcome]}m${text}\u001b[0m` : text;
}
