// The demo instansi (Kabupaten Bungo, Kota Bukittinggi, Kecamatan Asemrowo): positions with their
// standards (positions.json), and units with their people (organisations.json). Names and texts are made
// up; the themes follow the project's source documents. Seeded by seed.ts; checked here as they load.
import { z } from 'zod';
import { type IndonesianTimeZone, isIndonesianTimeZone } from '../domain/time/zones.ts';
import organisationsFile from './organisations.json' with { type: 'json' };
import positionsFile from './positions.json' with { type: 'json' };

const positionSchema = z.strictObject({
  name: z.string(),
  kind: z.enum(['JPT', 'JA', 'JF']),
  duties: z.array(z.string()),
  /** `measureCode`: the measure of the unit the indicator is bound to (demo/measures.ts). */
  indicators: z.array(
    z.strictObject({
      description: z.string(),
      aspect: z.enum(['kuantitas', 'kualitas', 'waktu', 'biaya']),
      target: z.string(),
      measureCode: z.string().optional(),
    }),
  ),
});
export type DemoPosition = z.infer<typeof positionSchema>;

export const positions: Record<string, DemoPosition> = z
  .record(z.string(), positionSchema)
  .parse(positionsFile);

/** A unit with its people; the first person leads it. `parent` is the unit above (its leader supervises). */
const unitSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  parent: z.string().optional(),
  /** An independent unit (unit kerja mandiri): its leader writes the JPT form of the SKP. */
  independent: z.boolean().optional(),
  /** Gender 1 a man, 2 a woman; `en` for someone who reads the application in English. */
  people: z.array(
    z.tuple([
      z.string(),
      z.string().refine((code) => code in positions, 'is no position of positions.json'),
      z.union([z.literal(1), z.literal(2)]),
      z.literal('en').optional(),
    ]),
  ),
});
export type DemoUnit = z.infer<typeof unitSchema>;

const organisationSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  /** Where its deadlines end and are shown: Jambi, West Sumatra and East Java all keep WIB. */
  timeZone: z.custom<IndonesianTimeZone>(isIndonesianTimeZone, 'is no Indonesian time zone'),
  units: z.array(unitSchema),
});
export type DemoOrganisation = z.infer<typeof organisationSchema>;

/** The organisations of a file like organisations.json; throws on a unit, person or zone it cannot be. */
export const readOrganisations = (file: unknown): DemoOrganisation[] =>
  z.array(organisationSchema).parse(file);

export const organisations = readOrganisations(organisationsFile);
