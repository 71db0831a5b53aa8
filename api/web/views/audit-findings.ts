// The auditor's integrity findings of a cycle (audit/integrity-findings.ts): each as a sentence with its
// time in the organisation's zone, and the appraisals it concerns, each linked to its timeline.
import type { IntegrityFinding } from '../../../audit/integrity-findings.ts';
import { parseAppraisalId } from '../../../domain/ids.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { cycleLinks } from './audit.ts';

export interface ShownFinding {
  finding: IntegrityFinding;
  sentence: string;
}

export function findingsBody(
  t: Translate,
  cycleId: string,
  found: ShownFinding[],
  names: ReadonlyMap<string, string>,
): Html {
  const person = (appraisalId: string) => {
    const nip = parseAppraisalId(appraisalId)?.nip ?? appraisalId;
    return `${names.get(nip) ?? nip} (${nip})`;
  };
  return h`${cycleLinks(t, cycleId, 'findings')}
<p>${t('findings.intro')}</p>
${
  found.length === 0
    ? h`<p id="findings-none">${t('findings.none')}</p>`
    : h`<p>${t('findings.count', { count: found.length })}</p><ol id="integrity-findings" class="findings">${found.map(
        ({ finding, sentence }) => h`<li data-rule="${finding.rule}"><p class="wrap">${sentence}</p>
<details><summary>${t('findings.appraisals')} (${finding.appraisalIds.length})</summary><ul>${finding.appraisalIds.map(
          (id) => h`<li><a href="/app/audit/appraisals/${id}">${person(id)}</a></li>`,
        )}</ul></details></li>`,
      )}</ol>`
}`;
}
