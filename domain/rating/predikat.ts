// Rating hasil kerja (results) and rating perilaku kerja (behaviour), and the matrix that turns the pair
// into the employee's predikat kinerja (PermenPANRB 6/2022). Free of zod (predikat-schemas.ts has the
// schemas), as workflows import it: with zod, every workflow start costs 11.8 ms of CPU instead of 5.3
// (`npm run bench -- first-task`).
/** Above / meets / below expectation (di atas / sesuai / di bawah ekspektasi). */
export const ratings = ['diAtas', 'sesuai', 'diBawah'] as const;
export type Rating = (typeof ratings)[number];

export const ratingLabels: Readonly<Record<Rating, { id: string; en: string }>> = {
  diAtas: { id: 'Di Atas Ekspektasi', en: 'Above expectation' },
  sesuai: { id: 'Sesuai Ekspektasi', en: 'Meets expectation' },
  diBawah: { id: 'Di Bawah Ekspektasi', en: 'Below expectation' },
};

/** Best first. */
export const predikats = ['sangatBaik', 'baik', 'butuhPerbaikan', 'kurang', 'sangatKurang'] as const;
export type Predikat = (typeof predikats)[number];
/** Whether a value read back (a column, a JSON key) is a predikat. */
export const isPredikat = (p: unknown): p is Predikat => predikats.includes(p as Predikat);

/** The official Indonesian names, shown as they are in every language (PermenPANRB 6/2022 writes "Kurang/Misconduct"). */
export const predikatLabels: Readonly<Record<Predikat, string>> = {
  sangatBaik: 'Sangat Baik',
  baik: 'Baik',
  butuhPerbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  sangatKurang: 'Sangat Kurang',
};

export type PredikatMatrix = Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>>;

/** Rows: rating hasil kerja; columns: rating perilaku kerja (PermenPANRB 6/2022, lampiran). */
export const predikatMatrix: PredikatMatrix = {
  diAtas: { diAtas: 'sangatBaik', sesuai: 'baik', diBawah: 'kurang' },
  sesuai: { diAtas: 'baik', sesuai: 'baik', diBawah: 'kurang' },
  diBawah: { diAtas: 'butuhPerbaikan', sesuai: 'butuhPerbaikan', diBawah: 'sangatKurang' },
};

/** The predikat of a pair of ratings, by the matrix in force (a regulation pack's, when another is asked). */
export function predikatFor(
  results: Rating,
  behaviour: Rating,
  matrix: PredikatMatrix = predikatMatrix,
): Predikat {
  return matrix[results][behaviour];
}
