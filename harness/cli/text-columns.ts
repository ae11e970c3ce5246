/**
 * Rows of text as aligned columns, two spaces apart, for `list`: each column as wide as its
 * widest value, the last one left ragged (a title or a note may be long).
 */
export function alignedColumns(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  return [header, ...rows].map((row) =>
    row
      .map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
