// The rules of HR's master data, one home each: a unit, a position with its standard, and an employee as
// the edit forms and the API send them. A unit and a position have one schema, shared by the bulk POST,
// the one-record PUT and the pages; an employee is read by the employee import's own row reader
// (employee-csv.ts), so an edit and a CSV row can never disagree. Errors name the field as the API does.
import { z } from 'zod';
import { employeeCsvColumns, type ImportedEmployee, readEmployeeRecord } from './employee-csv.ts';
import { nipSchema } from './nip.ts';

export type FieldError = { field: string; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const codeSchema = z.string().trim().min(1, 'is required').max(64, 'is longer than 64 characters');
const nameSchema = z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters');

export const unitSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  parentCode: codeSchema.nullable().default(null),
  headNip: nipSchema
    .nullable()
    .default(null)
    .describe("Who leads the unit: their rating hasil kerja is the unit's capaian"),
  independent: z
    .boolean()
    .default(false)
    .describe('Unit kerja mandiri: its leader writes the JPT form of the SKP'),
});
export type Unit = z.infer<typeof unitSchema>;

export const positionKinds = ['JPT', 'JA', 'JF'] as const;
export const indicatorAspects = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;

export const positionSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  kind: z.enum(positionKinds, 'must be JPT, JA or JF'),
  duties: z
    .array(z.string().trim().min(1, 'is required').max(1000, 'is longer than 1000 characters'))
    .max(50),
  defaultIndicators: z
    .array(
      z.strictObject({
        description: z.string().trim().min(1, 'is required').max(1000, 'is longer than 1000 characters'),
        aspect: z.enum(indicatorAspects, 'must be kuantitas, kualitas, waktu or biaya'),
        target: z.string().trim().min(1, 'is required').max(500, 'is longer than 500 characters'),
      }),
    )
    .max(50),
});
export type Position = z.infer<typeof positionSchema>;

/** A zod failure as field errors, the path written `defaultIndicators.0.target`. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
}

function check<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

export const checkUnit = (input: unknown): Checked<Unit> => check(unitSchema, input);
export const checkPosition = (input: unknown): Checked<Position> => check(positionSchema, input);

/** An employee as the API and the edit form send them; the NIP comes from the path. */
export const employeeFields = {
  name: 'name',
  email: 'email',
  unitCode: 'unit_code',
  positionCode: 'position_code',
  supervisorNip: 'supervisor_nip',
  language: 'language',
  employmentStatus: 'employment_status',
  rank: 'rank',
} as const;
type EmployeeField = keyof typeof employeeFields;
const fieldOfColumn = new Map<string, string>([
  ['nip', 'nip'],
  ...Object.entries(employeeFields).map(([field, column]) => [column, field] as [string, string]),
]);

/**
 * One employee, checked by the import's row reader as if it were a file's only row with every column:
 * the same NIP, status, rank, email and length rules. Unknown fields are refused; a missing or null
 * optional one is a blank cell (no supervisor, language id, no rank).
 */
export function checkEmployee(
  nip: string,
  input: unknown,
): Checked<ImportedEmployee & { rank: string | null }> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  const body = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(body))
    if (!(key in employeeFields)) errors.push({ field: key, message: 'is not a field of an employee' });
  const cell = (field: EmployeeField | 'nip'): string => {
    const value = field === 'nip' ? nip : body[field];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') {
      errors.push({ field, message: 'must be text' });
      return '';
    }
    return value;
  };
  const fields = employeeCsvColumns.map((column) =>
    cell((fieldOfColumn.get(column) ?? column) as EmployeeField),
  );
  if (errors.length > 0) return { ok: false, errors };
  const row = readEmployeeRecord([...employeeCsvColumns], fields);
  if (row.ok) return { ok: true, value: { ...row.employee, rank: row.employee.rank ?? null } };
  return { ok: false, errors: employeeFieldErrors(row.errors) };
}

/** The import's reasons ("unit_code: unknown unit …") as errors naming the API's field (unitCode). */
export function employeeFieldErrors(reasons: string[]): FieldError[] {
  return reasons.map((text) => {
    const at = text.indexOf(': ');
    const field = at > 0 ? fieldOfColumn.get(text.slice(0, at)) : undefined;
    return field ? { field, message: text.slice(at + 2) } : { field: 'body', message: text };
  });
}

/** An example person for the template: a valid NIP PNS, born 12 March 1985, CPNS from January 2010. */
export const templateExample = {
  nip: '198503122010011003',
  name: 'Contoh Pegawai',
  email: 'contoh.pegawai@example.go.id',
  supervisor_nip: '',
  language: 'id',
  employment_status: 'PNS',
  rank: 'Penata Muda, III/a',
} as const;

const csvCell = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The employee import's template: the header and one example row that imports as it is into an
 * organisation holding `unitCode` and `positionCode` (its own first ones, where it has any).
 */
export function employeeCsvTemplate(unitCode = 'UNIT', positionCode = 'JABATAN'): string {
  const example: Record<string, string> = {
    ...templateExample,
    unit_code: unitCode,
    position_code: positionCode,
  };
  const lines = [
    employeeCsvColumns.join(','),
    employeeCsvColumns.map((c) => csvCell(example[c] ?? '')).join(','),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The organisation as its pages and documents head it: its name and the region it governs. */
export const profileSchema = z.strictObject({
  name: nameSchema,
  region: z
    .string()
    .trim()
    .max(200, 'is longer than 200 characters')
    .nullable()
    .default(null)
    .transform((r) => r || null),
});
export const checkProfile = (input: unknown) => check(profileSchema, input);

/** A logo is small: it is sent with every document and every page header. */
export const maxLogoBytes = 256 * 1024;
