// Links to an appraisal's official documents (PDF with their proof), and the public page that checks a
// printed document by its code (/verify/<code>): what the document must say and whether the log agrees.
import type { DocumentCheck } from '../../../documents/verify-document.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';

/** The SKP and each period's Dokumen Evaluasi (and the akhir's, when `akhir`) as download links. */
export function documentLinks(
  t: Translate,
  appraisalId: string,
  periods: readonly string[],
  akhir: boolean,
): Html {
  const base = `/app/appraisals/${encodeURIComponent(appraisalId)}/documents`;
  const all = [...periods, ...(akhir ? ['akhir'] : [])];
  return h`<section class="card" aria-labelledby="documents"><h3 id="documents">${t('documents.title')}</h3>
<p class="muted">${t('documents.intro')}</p>
<ul>
<li><a href="${base}/skp" download>${t('documents.skp')}</a></li>
${all.map((p) => h`<li><a href="${base}/evaluasi?period=${p}" download>${t('documents.evaluasi', { period: t(`periodName.${p}`) })}</a></li>`)}
</ul></section>`;
}

/** The public check of one code: no sign-in, and nothing the document itself does not print. */
export function verifyBody(t: Translate, code: string, check: DocumentCheck | null | undefined): Html {
  if (check === undefined) return h`<p>${t('verify.how')}</p>${verifyForm(t, '')}`;
  if (!check) return h`${notice('error', t('verify.badCode'))}${verifyForm(t, code)}`;
  // The findings' words are the command line's (English); the page says the same in its own language.
  // A code some seal lists (its layout is known then) is broken, not unknown, when the log disagrees.
  const status = check.intact
    ? notice('ok', t('verify.intact', { code }))
    : check.layoutKnown === false
      ? notice('error', t('verify.unknownLayout', { code, layout: check.layout ?? 1 }))
      : notice('error', t(check.layout !== undefined ? 'verify.broken' : 'verify.unknown', { code }));
  const layout = check.layoutKnown
    ? h`<p class="muted">${t('verify.layout', { layout: check.layout ?? 1 })}</p>`
    : '';
  return h`${status}
${layout}
${
  check.sections
    ? h`<section class="card parties" aria-labelledby="facts"><h2 id="facts">${t('verify.mustSay')}</h2>
${check.sections.map(
  (section) => h`${section.heading ? h`<h3>${section.heading}</h3>` : ''}
<dl class="facts">${section.facts.map((f) => h`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`,
)}</section>`
    : ''
}
<p class="muted">${t('verify.how')}</p>
${verifyForm(t, '')}`;
}

function verifyForm(t: Translate, code: string): Html {
  return h`<form method="get" action="/verify"><label for="code">${t('verify.codeLabel')}</label>
<input id="code" name="code" value="${code}" autocomplete="off" inputmode="text" placeholder="XXXX-XXXX-XXXX">
<button type="submit">${t('verify.check')}</button></form>`;
}
