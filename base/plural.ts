/** `1 change`, `2 changes`, `0 suite files`: a count with its noun, singular only for one. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
