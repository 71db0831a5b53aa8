// Auditors (read-only): the cycles to audit, a cycle's own timeline with its appraisals, and the cycle's
// verification (hash chains, event schemas, projections against their rebuild, the seal) with findings.
import type { CycleVerification } from '../../../audit/verify-cycle.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { cycleYear } from './hr-actions.ts';

export interface AuditCycle {
  cycle_id: string;
  year: number;
  status: string;
  launched: number;
  training?: boolean;
}

export function auditCyclesBody(t: Translate, cycles: AuditCycle[]): Html {
  if (cycles.length === 0) return notice('info', t('hr.noCycle'));
  return h`<p>${t('audit.intro')}</p><ul class="tasks" id="audit-cycles">${cycles.map(
    (
      c,
    ) => h`<li><strong>${t('audit.cycleName', { year: cycleYear(t, c) })}</strong> · ${t(`hr.status.${c.status}`)} · ${t('hr.launched', { count: c.launched })}
<p class="actions"><a href="/app/audit/cycles/${c.cycle_id}">${t('audit.timeline')}</a>
<a href="/app/audit/cycles/${c.cycle_id}/verify">${t('audit.verify')}</a></p></li>`,
  )}</ul>`;
}

export interface CycleEventLine {
  version: number;
  position: number;
  at: string;
  actor: string;
  /** Catalogue key and its values; `invalid` rows carry the validator's detail. */
  key: string;
  vars: Record<string, string | number>;
  invalid?: string;
}

export interface CycleTimelineView {
  cycle: AuditCycle;
  events: CycleEventLine[];
  appraisals: Array<{ appraisalId: string; nip: string; name: string; unit: string; step: string }>;
}

export function cycleTimelineBody(t: Translate, view: CycleTimelineView): Html {
  const { cycle } = view;
  return h`${cycleLinks(t, cycle.cycle_id, 'timeline')}
<section aria-labelledby="cycle-events"><h2 id="cycle-events">${t('audit.cycleEvents')}</h2>
<ol class="timeline" id="cycle-timeline">${view.events.map(
    (e) => h`<li${raw(e.invalid ? ' class="bad"' : '')}><span class="when">${t.dateTime(e.at)}</span>
<span class="what">${e.invalid ? h`<span class="bad-text">${t('audit.invalidEvent', { type: e.key })}</span> <span lang="en">${e.invalid}</span>` : t(e.key, e.vars)}</span>
<span class="muted small">${t('audit.eventMeta', { version: e.version, position: e.position, actor: e.actor })}</span></li>`,
  )}</ol></section>
<section aria-labelledby="cycle-appraisals"><h2 id="cycle-appraisals">${t('audit.appraisals', { count: view.appraisals.length })}</h2>
<div class="scroll"><table id="appraisal-table"><thead><tr><th scope="col">${t('audit.employee')}</th><th scope="col">${t('hr.unit')}</th><th scope="col">${t('audit.step')}</th></tr></thead>
<tbody>${view.appraisals.map(
    (a) =>
      h`<tr><th scope="row"><a href="/app/audit/appraisals/${a.appraisalId}">${a.name}</a><div class="muted">${a.nip}</div></th><td>${a.unit}</td><td>${stepLabel(t, a.step)}</td></tr>`,
  )}</tbody></table></div></section>`;
}

export const stepLabel = (t: Translate, step: string) => {
  try {
    return t(`step.${step}`);
  } catch {
    return step;
  }
};

export function cycleLinks(
  t: Translate,
  cycleId: string,
  current?: 'timeline' | 'verify' | 'findings' | 'readTrail',
): Html {
  const link = (href: string, key: string, me: boolean) =>
    h`<a href="${href}"${raw(me ? ' aria-current="page"' : '')}>${t(key)}</a>`;
  return h`<nav class="subnav" aria-label="${t('audit.cycleNav')}">${link('/app/audit', 'audit.allCycles', false)}
${link(`/app/audit/cycles/${cycleId}`, 'audit.timeline', current === 'timeline')}
${link(`/app/audit/cycles/${cycleId}/verify`, 'audit.verify', current === 'verify')}
${link(`/app/audit/cycles/${cycleId}/findings`, 'audit.findings', current === 'findings')}
${link(`/app/audit/cycles/${cycleId}/read-trail`, 'audit.readTrail', current === 'readTrail')}</nav>`;
}

const chainProblems = [
  'hash_mismatch',
  'version_gap',
  'prev_hash_mismatch',
  'head_mismatch',
  'missing_head',
  'position_order',
];
const checks = [
  { key: 'chains', problems: chainProblems },
  { key: 'schemas', problems: ['schema_invalid'] },
  { key: 'projections', problems: ['projection_mismatch', 'rebuild_failed'] },
  { key: 'seal', problems: ['seal_missing', 'seal_mismatch'] },
] as const;

export function verificationBody(t: Translate, cycleId: string, v: CycleVerification): Html {
  const seal =
    v.seal.status === 'open'
      ? t('verify.sealOpen')
      : v.seal.status === 'intact'
        ? t('verify.sealIntact', { digest: v.seal.seal.digest, position: v.seal.seal.position })
        : v.seal.status === 'missing'
          ? t('verify.sealMissing')
          : t('verify.sealBroken');
  return h`${cycleLinks(t, cycleId, 'verify')}
${v.ok ? notice('ok', t('verify.ok')) : notice('error', t('verify.failed', { count: v.findings.length }))}
${v.onlyPositionOrder ? notice('info', t('verify.orderOnly')) : ''}
<div class="card"><dl class="facts" id="verify-facts"><dt>${t('verify.streams')}</dt><dd>${v.streamsChecked}</dd>
<dt>${t('verify.events')}</dt><dd>${v.eventsChecked}</dd><dt>${t('verify.seal')}</dt><dd class="wrap">${seal}</dd></dl></div>
<div class="scroll"><table id="verify-table"><thead><tr><th scope="col">${t('verify.check')}</th><th scope="col">${t('verify.result')}</th></tr></thead>
<tbody>${checks.map((c) => {
    const found = v.findings.filter((f) => (c.problems as readonly string[]).includes(f.problem)).length;
    return h`<tr class="${found ? 'bad' : ''}"><th scope="row">${t(`verify.check.${c.key}`)}</th><td>${
      found
        ? h`<span class="bad-text">✗ ${t('verify.findings', { count: found })}</span>`
        : c.key === 'seal' && v.seal.status === 'open'
          ? h`<span class="muted">– ${t('verify.notYet')}</span>`
          : h`<span class="ok-text">✓ ${t('verify.passed')}</span>`
    }</td></tr>`;
  })}</tbody></table></div>
<section aria-labelledby="findings"><h2 id="findings">${t('verify.findingsTitle')}</h2>
${
  v.findings.length === 0
    ? h`<p>${t('verify.noFindings')}</p>`
    : h`<ol id="findings-list" class="findings">${v.findings.map(
        (
          f,
        ) => h`<li><strong>${problemLabel(t, f.problem)}</strong>${f.streamId ? h` · ${t('verify.where', { stream: f.streamId, version: f.version ?? '–' })}` : ''}${f.table ? h` · ${t('verify.table', { table: f.table })}` : ''}
<div lang="en" class="wrap">${f.detail}</div></li>`,
      )}</ol>`
}</section>`;
}

function problemLabel(t: Translate, problem: string): string {
  try {
    return t(`verify.problem.${problem}`);
  } catch {
    return problem;
  }
}
