// The auditor's read trail of a cycle: who opened whose record (name and NIP of both), what kind of
// record, when (in the organisation's zone), through the API or the web, and the request's id. Never what
// was read. A list rather than a table, so it reads on a 360 px phone.
import type { ReadLine } from '../../../audit/read-trail.ts';
import { parseAppraisalId } from '../../../domain/ids.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { cycleLinks } from './audit.ts';

export interface ReadTrailView {
  cycleId: string;
  /** The one appraisal shown, when asked for. */
  appraisal: string | null;
  reads: ReadLine[];
  names: ReadonlyMap<string, string>;
}

export function readTrailBody(t: Translate, view: ReadTrailView): Html {
  const person = (nip: string) => `${view.names.get(nip) ?? nip} (${nip})`;
  const whose = (subject: string) => {
    const nip = parseAppraisalId(subject)?.nip;
    if (nip) return h`<a href="/app/audit/appraisals/${subject}">${person(nip)}</a>`;
    return subject.includes(':')
      ? t('readTrail.unit', { unit: subject.slice(subject.indexOf(':') + 1) })
      : t('readTrail.wholeCycle');
  };
  const what = (r: ReadLine) => `${t(`readTrail.kind.${r.kind}`)}${r.detail ? ` (${r.detail})` : ''}`;
  const self = `/app/audit/cycles/${view.cycleId}/read-trail`;
  return h`${cycleLinks(t, view.cycleId, 'readTrail')}
<p>${t('readTrail.intro')}</p>
${view.appraisal ? h`<p>${t('readTrail.oneAppraisal', { who: person(parseAppraisalId(view.appraisal)?.nip ?? '') })} <a href="${self}">${t('readTrail.all')}</a></p>` : ''}
${
  view.reads.length === 0
    ? h`<p id="read-trail-none">${t('readTrail.none')}</p>`
    : h`<ol class="timeline" id="read-trail">${view.reads.map(
        (r) => h`<li data-kind="${r.kind}"><span class="when">${t.dateTime(r.at)}</span>
<span class="what wrap">${t('readTrail.line', { reader: person(r.readerNip), what: what(r) })} ${whose(r.subject)}</span>
<span class="muted small">${t(`readTrail.via.${r.via}`)} · ${t('readTrail.request', { id: r.requestId })}</span></li>`,
      )}</ol>`
}`;
}
