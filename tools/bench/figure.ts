/**
 * What a benchmark prints: a figure, the floor it is compared with, the ratio, and the goal it
 * meets or misses (issue 12). Every figure is a measurement printed for a human, never an
 * assertion: the machine is shared and noisy (docs/PERFORMANCE.md).
 */

export interface GoalLine {
  /** e.g. `embedded matrix ≤ 1.5× trivial vitest run`. */
  readonly goal: string;
  readonly met: boolean;
  /** The numbers the verdict rests on. */
  readonly measured: string;
}

export interface Figure {
  readonly title: string;
  /** Measurement lines: each figure with its floor and ratio. */
  readonly lines: readonly string[];
  readonly goals: readonly GoalLine[];
}

export function renderFigure(figure: Figure): string {
  return [
    `== ${figure.title}`,
    ...figure.lines.map((line) => `  ${line}`),
    ...figure.goals.map(
      (goal) => `  ${goal.met ? 'PASS' : 'MISS'}  ${goal.goal}: ${goal.measured}`,
    ),
    '',
  ].join('\n');
}
