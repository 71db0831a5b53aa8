// The header row of a file HR uploads (employees, measures): every column known, none twice, none that is
// required missing; each problem as a sentence that names the column and the columns there are.
export function headerErrors(
  header: readonly string[],
  columns: readonly string[],
  optional: ReadonlySet<string>,
): string[] {
  const errors: string[] = [];
  const known = new Set<string>(columns);
  const seen = new Set<string>();
  for (const name of header) {
    if (!known.has(name))
      errors.push(`header: unknown column '${name}'; the columns are ${columns.join(',')}`);
    else if (seen.has(name)) errors.push(`header: column '${name}' appears twice`);
    seen.add(name);
  }
  for (const column of columns)
    if (!optional.has(column) && !seen.has(column)) errors.push(`header: column '${column}' is missing`);
  return errors;
}
