// The SKP as a document (PermenPANRB 6/2022's forms): the form of the position's kind and the cycle's
// approach, the identity blocks, the hasil kerja by group, the perilaku kerja with the ekspektasi khusus
// pimpinan, the lampiran and the signatures. Pure: from the file as of the sealed version (input.ts).

import { lampiranParts, rhkKinds } from '../domain/appraisal/skp.ts';
import { berakhlakValues } from '../domain/review/berakhlak.ts';
import { localDateText } from '../domain/time/local-text.ts';
import { berakhlakLabels } from '../domain/vocabulary/berakhlak.ts';
import type { DocumentInput } from './input.ts';
import { identity, signatures } from './input.ts';
import { type Block, type DocumentModel, fact } from './model.ts';
import { wordsFor } from './words.ts';

/** The SKP has one layout so far (layouts.ts). */
export function skpDocument(input: DocumentInput): DocumentModel {
  const { file, lang, year } = input;
  const w = wordsFor(lang);
  const setting = file.setting;
  const jpt = setting?.form === 'jpt';
  const skp = file.skp;
  const blocks: Block[] = [
    {
      kind: 'fields',
      facts: [
        fact('org', w('organisation'), input.organisation.name),
        fact('period', w('assessmentPeriod'), `${year}-01-01 ${w('to')} ${year}-12-31`),
      ],
    },
    ...identity(input),
    { kind: 'heading', text: w('results') },
  ];
  for (const kind of rhkKinds) {
    const rhk = (skp?.rhk ?? []).filter((r) => r.kind === kind);
    if (kind === 'instruksiKhusus' && !jpt) continue;
    blocks.push({ kind: 'heading', text: w(kind) });
    const rows = rhk.flatMap((r, i) =>
      r.indicators.map((ind, j) => [
        j === 0 ? fact(`rhk.${r.id}.no`, w('no'), `${i + 1}`) : null,
        j === 0
          ? jpt
            ? fact(`rhk.${r.id}.perspektif`, w('perspektif'), r.perspektif ?? null)
            : fact(
                `rhk.${r.id}.parent`,
                w('parentRhk'),
                r.parentRhkId ? (input.parentLabels.get(r.parentRhkId) ?? r.parentRhkId) : null,
              )
          : null,
        j === 0 ? fact(`rhk.${r.id}.description`, w('rhk'), r.description) : null,
        fact(`rhk.${r.id}.${ind.id}.aspect`, w('aspect'), ind.aspect ?? null),
        fact(`rhk.${r.id}.${ind.id}.description`, w('indicator'), ind.description),
        fact(`rhk.${r.id}.${ind.id}.target`, w('target'), targetText(ind)),
      ]),
    );
    blocks.push({
      kind: 'table',
      columns: [
        { title: w('no'), share: 0.05 },
        { title: jpt ? w('perspektif') : w('parentRhk'), share: 0.18 },
        { title: w('rhk'), share: 0.25 },
        { title: w('aspect'), share: 0.1 },
        { title: w('indicator'), share: 0.27 },
        { title: w('target'), share: 0.15 },
      ],
      rows:
        rows.length > 0 ? rows : [[null, null, fact(`rhk.${kind}.none`, w('rhk'), null), null, null, null]],
    });
  }
  blocks.push({ kind: 'heading', text: w('behaviour') });
  blocks.push({
    kind: 'table',
    columns: [
      { title: w('value'), share: 0.3 },
      { title: w('ekspektasi'), share: 0.7 },
    ],
    rows: berakhlakValues.map((v, i) => [
      fact(`perilaku.${v}`, w('value'), `${i + 1}. ${berakhlakLabels[v][lang]}`),
      fact(`ekspektasi.${v}`, w('ekspektasi'), skp?.ekspektasi?.[v] ?? null),
    ]),
  });
  blocks.push({ kind: 'heading', text: w('lampiran') });
  blocks.push({
    kind: 'fields',
    facts: lampiranParts.map((part) =>
      fact(
        `lampiran.${part}`,
        w(part),
        (skp?.lampiran?.[part] ?? []).map((t, i) => `${i + 1}. ${t}`).join('  ') || null,
      ),
    ),
  });
  const day = skp?.agreedAt ? localDateText(skp.agreedAt, input.organisation.timeZone, lang) : null;
  blocks.push(signatures(input, day));
  const form = jpt ? w('formJpt') : w('formJaJf');
  return {
    kind: 'skp',
    lang,
    title: w('skpTitle'),
    subtitle: `${w('approach')} ${setting?.approach === 'kuantitatif' ? w('kuantitatif') : w('kualitatif')} - ${form}`,
    cycleId: file.cycleId,
    appraisalId: file.appraisalId,
    period: null,
    layout: 1,
    fileName: `skp-${file.employee.nip}.pdf`,
    blocks,
  };
}

function targetText(ind: {
  target?: string | undefined;
  targetValue?: number | undefined;
  satuan?: string | undefined;
}) {
  if (ind.targetValue !== undefined) return `${ind.targetValue}${ind.satuan ? ` ${ind.satuan}` : ''}`;
  return ind.target ?? null;
}
