// The words of the seven BerAKHLAK core values in every language: each value's name, what it asks of an
// ASN in daily work (the panduan perilaku, in our own words, shown with the ekspektasi khusus pimpinan the
// rater may add to the SKP), and the 1-5 scale, centred on "meets expectation" (3) so that it reads like
// the rating perilaku kerja (di atas / sesuai / di bawah ekspektasi) the supervisor finally sets. The
// words are data, in berakhlak.json; one missing in a language fails to compile here.
import type { BerakhlakValue } from '../review/berakhlak.ts';
import words from './berakhlak.json' with { type: 'json' };
import type { Words } from './types.ts';

export const berakhlakLabels: Readonly<Record<BerakhlakValue, Words>> = words.labels;
export const berakhlakGuidance: Readonly<Record<BerakhlakValue, Words>> = words.guidance;
export const berakhlakScale: Readonly<Record<1 | 2 | 3 | 4 | 5, Words>> = words.scale;
