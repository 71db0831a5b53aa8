// The pair of ratings that gives a predikat: what a calibration change sets when it moves a person to
// another predikat. Of the matrix's cells with that predikat, the one nearest the person's ratings now
// (fewest steps on the two axes, then the hasil kerja kept), so a change alters as little as it can.
import { type Predikat, type PredikatMatrix, predikatMatrix, type Rating, ratings } from './predikat.ts';

export function ratingsFor(
  target: Predikat,
  current: { results: Rating; behaviour: Rating },
  matrix: PredikatMatrix = predikatMatrix,
): { results: Rating; behaviour: Rating } | null {
  const step = (a: Rating, b: Rating) => Math.abs(ratings.indexOf(a) - ratings.indexOf(b));
  let best: { results: Rating; behaviour: Rating; cost: number } | null = null;
  for (const results of ratings)
    for (const behaviour of ratings) {
      if (matrix[results][behaviour] !== target) continue;
      // Moving the hasil kerja weighs a little more: it is the rating the person's realisations support.
      const cost = step(results, current.results) * 2.1 + step(behaviour, current.behaviour) * 2;
      if (!best || cost < best.cost) best = { results, behaviour, cost };
    }
  return best ? { results: best.results, behaviour: best.behaviour } : null;
}
