// Filling a template's `{name}` placeholders, apart from the catalogues so that the domain's own wording
// (findings.ts) can use it without loading them.

/** The template with each `{name}` replaced by its value; a name without a value stays as it is. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}
