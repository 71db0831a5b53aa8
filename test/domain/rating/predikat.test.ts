import { describe, expect, it } from 'vitest';
import { type Predikat, predikatFor, predikatLabels, type Rating } from '../../../domain/rating/predikat.ts';

describe('given the predikat matrix (rows: results, columns: behaviour)', () => {
  const cells: Array<[Rating, Rating, Predikat, string]> = [
    ['diAtas', 'diAtas', 'sangatBaik', 'Sangat Baik'],
    ['diAtas', 'sesuai', 'baik', 'Baik'],
    ['diAtas', 'diBawah', 'kurang', 'Kurang/Misconduct'],
    ['sesuai', 'diAtas', 'baik', 'Baik'],
    ['sesuai', 'sesuai', 'baik', 'Baik'],
    ['sesuai', 'diBawah', 'kurang', 'Kurang/Misconduct'],
    ['diBawah', 'diAtas', 'butuhPerbaikan', 'Butuh Perbaikan'],
    ['diBawah', 'sesuai', 'butuhPerbaikan', 'Butuh Perbaikan'],
    ['diBawah', 'diBawah', 'sangatKurang', 'Sangat Kurang'],
  ];

  it.each(cells)(
    'when results are %s and behaviour is %s, then the predikat is %s (%s)',
    (results, behaviour, key, label) => {
      const predikat = predikatFor(results, behaviour);
      expect(predikat).toBe(key);
      expect(predikatLabels[predikat]).toBe(label);
    },
  );
});
