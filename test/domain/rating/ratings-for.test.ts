import { describe, expect, it } from 'vitest';
import { predikatFor, predikats, ratings } from '../../../domain/rating/predikat.ts';
import { ratingsFor } from '../../../domain/rating/ratings-for.ts';

describe('given a person rated now, and the predikat a calibration change moves them to', () => {
  it('when the predikat is reachable by one axis, then only the perilaku kerja moves and the hasil kerja stays', () => {
    expect(ratingsFor('baik', { results: 'sesuai', behaviour: 'diBawah' })).toEqual({
      results: 'sesuai',
      behaviour: 'sesuai',
    });
    expect(ratingsFor('kurang', { results: 'sesuai', behaviour: 'sesuai' })).toEqual({
      results: 'sesuai',
      behaviour: 'diBawah',
    });
  });

  it('when the hasil kerja must move, then it moves, as little as it can', () => {
    expect(ratingsFor('butuhPerbaikan', { results: 'sesuai', behaviour: 'sesuai' })).toEqual({
      results: 'diBawah',
      behaviour: 'sesuai',
    });
    expect(ratingsFor('sangatBaik', { results: 'sesuai', behaviour: 'sesuai' })).toEqual({
      results: 'diAtas',
      behaviour: 'diAtas',
    });
  });

  it('gives, from any ratings, a pair whose predikat is the one asked', () => {
    for (const results of ratings)
      for (const behaviour of ratings)
        for (const target of predikats) {
          const pair = ratingsFor(target, { results, behaviour });
          expect(pair && predikatFor(pair.results, pair.behaviour)).toBe(target);
        }
  });
});
