// The people as the official forms show them: the appraised employee and the rater, each with their
// number (a NIP or an NI PPPK), employment status, pangkat/golongan (PNS) or golongan (PPPK), position and
// unit, as the SKP heads them; and the one-line form the evaluation file's head uses.
import { nipKind } from '../../../domain/organisation/nip.ts';
import type { Employment } from '../../../record/read/evaluation-file.ts';
import type { Parties, StaffCard } from '../../../record/read/people.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

/** "NIP" or "NI PPPK": by the number's own layout. */
const numberLabel = (t: Translate, nip: string) => t(`people.number.${nipKind(nip)}`);

/** The stored rank as the reader says it: "Penata Muda, III/a", or "golongan IX" / "grade IX". */
function rankText(t: Translate, e: Employment): string {
  if (e.rank === null || e.employmentStatus === null) return t('people.noRank');
  return e.employmentStatus === 'PPPK' ? t('people.pppkGrade', { grade: e.rank }) : e.rank;
}

function partyFacts(t: Translate, card: StaffCard): Html {
  return h`<dl class="facts"><dt>${t('people.name')}</dt><dd>${card.name}</dd>
<dt>${numberLabel(t, card.nip)}</dt><dd>${card.nip}</dd>
<dt>${t('people.status')}</dt><dd data-status="${card.employmentStatus}">${t(`people.status.${card.employmentStatus}`)}</dd>
<dt>${t(`people.rank.${card.employmentStatus}`)}</dt><dd data-rank>${card.rank ?? t('people.noRank')}</dd>
<dt>${t('people.position')}</dt><dd>${card.position ?? '–'}</dd>
<dt>${t('people.unit')}</dt><dd>${card.unit ?? '–'}</dd></dl>`;
}

/** The SKP's head: who is appraised and who rates, one below the other (a phone's width holds one). */
export function partiesCard(t: Translate, parties: Parties): Html {
  const party = (id: string, title: string, card: StaffCard | null) =>
    h`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${card ? partyFacts(t, card) : h`<p>${t('people.none')}</p>`}</section>`;
  return h`<div class="card parties">${party('party-employee', t('people.employee'), parties.employee)}
${party('party-rater', t('people.rater'), parties.rater)}</div>`;
}

/** Employment status and rank on one line ("PNS (civil servant) · Penata Muda, III/a"), as the forms give them. */
export function employmentLine(t: Translate, e: Employment): string {
  if (e.employmentStatus === null) return '';
  return `${t(`people.status.${e.employmentStatus}`)} · ${rankText(t, e)}`;
}

/** One person on one line, their employment below: the evaluation file's head. */
export function personWithEmployment(
  t: Translate,
  p: { nip: string; name: string | null } & Employment,
): Html {
  const line = t('people.line', { name: p.name ?? p.nip, number: numberLabel(t, p.nip), nip: p.nip });
  if (p.employmentStatus === null) return h`${line}`;
  return h`${line}<br><span class="muted">${employmentLine(t, p)}</span>`;
}
