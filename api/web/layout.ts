// The page shell: header with navigation, language switch and sign-out; one small stylesheet that works
// from a 360 px phone to a desktop, with visible focus, large touch targets and AA contrast or better.
import type { OrganisationProfile } from '../../record/read/organisation.ts';
import { type Html, h, raw } from './html.ts';
import type { Translate } from './i18n/index.ts';

export interface Viewer {
  name: string;
  org: string;
  roles: string[];
  /** Has direct reports: the team page is in the navigation. */
  team?: boolean;
  /** The organisation's name, region and logo, heading every page. */
  organisation?: OrganisationProfile;
}

export type Section =
  | 'inbox'
  | 'appraisal'
  | 'team'
  | 'hr'
  | 'hrPeriodic'
  | 'hrMonitoring'
  | 'capaian'
  | 'penetapan'
  | 'rules'
  | 'standards'
  | 'measures'
  | 'hrImport'
  | 'hrStart'
  | 'hrChanges'
  | 'hrMaster'
  | 'audit'
  | 'login'
  | 'other';

export function page(options: {
  t: Translate;
  title: string;
  body: Html;
  viewer?: Viewer | null;
  section?: Section;
  /** The current path, so the language switch comes back here. */
  path: string;
}): Html {
  const { t, viewer, section = 'other' } = options;
  const other = t.lang === 'id' ? 'en' : 'id';
  const link = (href: string, key: string, s: Section) =>
    h`<a href="${href}"${raw(section === s ? ' aria-current="page"' : '')}>${t(key)}</a>`;
  const canSeeHr = viewer && (viewer.roles.includes('hr') || viewer.roles.includes('auditor'));
  return h`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${t('app.name')}</title>
<style>${raw(styles)}</style>
</head>
<body>
<a class="skip" href="#main">${t('nav.skip')}</a>
<header class="top">
  <div class="bar">
    <a class="brand" href="/app">${t('app.name')} <span>${t('app.tagline')}</span></a>
    ${viewer?.organisation ? orgHeader(viewer.organisation) : ''}
    <div class="tools">
      <a class="lang" href="/app/lang/${other}?back=${encodeURIComponent(options.path)}" lang="${other}" hreflang="${other}" aria-label="${t('lang.switchLabel')}">${t('lang.switch')}</a>
      ${
        viewer
          ? h`<form method="post" action="/app/logout"><button class="link" type="submit">${t('nav.logout')}</button></form>`
          : ''
      }
    </div>
  </div>
  ${
    viewer
      ? h`<nav aria-label="${t('nav.main')}" class="nav">
    ${link('/app/inbox', 'nav.inbox', 'inbox')}
    ${link('/app/appraisal', 'nav.appraisal', 'appraisal')}
    ${viewer.team ? link('/app/team', 'nav.team', 'team') : ''}
    ${link('/app/standards', 'nav.standards', 'standards')}
    ${canSeeHr ? h`${link('/app/hr', 'nav.hr', 'hr')} ${link('/app/hr/monitoring', 'nav.hrMonitoring', 'hrMonitoring')} ${link('/app/hr/periodic', 'nav.hrPeriodic', 'hrPeriodic')}` : ''}
    ${viewer.roles.includes('hr') ? h`${link('/app/hr/import', 'nav.hrImport', 'hrImport')} ${link('/app/hr/start', 'nav.hrStart', 'hrStart')} ${link('/app/hr/changes', 'nav.hrChanges', 'hrChanges')} ${link('/app/hr/employees', 'nav.hrMaster', 'hrMaster')}` : ''}
    ${viewer.roles.includes('auditor') ? link('/app/audit', 'nav.audit', 'audit') : ''}
    ${canSeeHr || viewer.team ? link('/app/rules/distribution', 'nav.rules', 'rules') : ''}
    ${canSeeHr || viewer.team ? link('/app/measures', 'nav.measures', 'measures') : ''}
    ${viewer.roles.includes('hr') || viewer.team ? h`${link('/app/capaian', 'nav.capaian', 'capaian')} ${link('/app/penetapan', 'nav.penetapan', 'penetapan')}` : ''}
    <span class="who">${t('nav.signedInAs', { name: viewer.name })} · ${viewer.org}</span>
  </nav>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`;
}

/** The organisation heading the page: its logo (when it has one), name and region. */
function orgHeader(o: OrganisationProfile): Html {
  return h`<div class="org" id="org-header">${o.logoType ? h`<img src="/app/logo" alt="" width="40" height="40">` : ''}<span><strong>${o.name}</strong>${o.region ? h`<br><small>${o.region}</small>` : ''}</span></div>`;
}

/** An error or notice box; role=alert makes screen readers announce it. */
export function notice(kind: 'error' | 'ok' | 'info', text: string): Html {
  return h`<p class="notice ${kind}" ${raw(kind === 'error' ? 'role="alert"' : 'role="status"')}>${text}</p>`;
}

const styles = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;background:#f4f6f8}
a{color:#0a4f8a}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #f4b400;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:9}
.top{background:#0a3d6b;color:#fff}
.bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;max-width:64rem;margin:0 auto;padding:.6rem 1rem}
.brand{color:#fff;font-weight:700;font-size:1.2rem;text-decoration:none}
.brand span{font-weight:400;font-size:.85rem;opacity:.9;margin-left:.4rem}
.org{display:flex;align-items:center;gap:.5rem;min-width:0;overflow-wrap:anywhere;line-height:1.2}.org img{object-fit:contain;background:#fff;border-radius:4px;flex:none}.org small{opacity:.9}
.tools{display:flex;align-items:center;gap:.75rem}
.tools a,.tools .link{color:#fff}
.nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;max-width:64rem;margin:0 auto;padding:0 1rem .5rem}
.nav a{color:#fff;text-decoration:none;padding:.35rem 0;border-bottom:3px solid transparent}
.nav a[aria-current]{border-bottom-color:#f4b400;font-weight:600}
.who{margin-left:auto;font-size:.85rem;opacity:.9}
main{max-width:64rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
main:focus{outline:none}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
.card{background:#fff;border:1px solid #d5dbe1;border-radius:8px;padding:1rem;margin:0 0 1rem}
.card>:first-child,.card>form>:first-child{margin-top:0}
.inline{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem 1rem}.inline label{margin-top:0}.inline select{width:auto}.inline>div{max-width:100%}.inline select{max-width:100%}.inline .actions{margin-top:0}
.muted{color:#4a5560}
.notice{border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem;border:1px solid}
.notice.error{background:#fdecea;border-color:#a4161a;color:#7a1014}
.notice.ok{background:#e7f4ea;border-color:#1e6b34;color:#14532d}
.notice.info{background:#eaf2fb;border-color:#0a4f8a;color:#0a3d6b}
button,.button{display:inline-block;min-height:44px;padding:.55rem 1.1rem;border-radius:6px;border:2px solid #0a4f8a;background:#0a4f8a;color:#fff;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:#0a4f8a}
button.link{min-height:0;padding:0;border:0;background:none;font-weight:400;text-decoration:underline}
label,legend{font-weight:600;display:block;margin:.75rem 0 .25rem}
input[type=text],input[type=date],input[type=datetime-local],select,textarea{width:100%;max-width:40rem;font:inherit;padding:.5rem;border:1px solid #6b7682;border-radius:6px;background:#fff;color:inherit;min-height:44px}
textarea{min-height:6rem}
fieldset{border:1px solid #d5dbe1;border-radius:6px;margin:.75rem 0;padding:.5rem .75rem}
.hint{font-size:.9rem;color:#4a5560;margin:.1rem 0 .25rem}
.field-error{color:#a4161a;font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border:2px solid #a4161a}
.checks label{font-weight:400;display:inline-flex;gap:.4rem;align-items:center;margin-right:1rem;min-height:44px}
.checks.compact{display:flex;flex-wrap:wrap;gap:.25rem}
fieldset:has(>.checks.compact){border:0;padding:0;margin:.25rem 0}
.checks.compact label{margin:0;padding:0 .45rem;border:1px solid #b8c2cc;border-radius:6px;background:#fff;min-width:44px;justify-content:center}
.checks.compact label:has(input:checked){border-color:#0a4f8a;background:#eaf2fb;font-weight:600}
.checks.compact input{position:absolute;opacity:0;width:1px;height:1px}
.checks.compact label:has(input:focus-visible){outline:3px solid #f4b400;outline-offset:2px}
.checks.compact label:has(input:checked){box-shadow:inset 0 -3px 0 #0a4f8a}
.scale{list-style:none;padding:0;margin:.25rem 0;font-size:.9rem;color:#4a5560;display:flex;flex-wrap:wrap;gap:.1rem 1rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1rem}
.tasks{list-style:none;padding:0;margin:0}
.tasks li{background:#fff;border:1px solid #d5dbe1;border-left:6px solid #0a4f8a;border-radius:8px;padding:.75rem 1rem;margin:0 0 .75rem}
.tasks li.overdue{border-left-color:#a4161a}
.comments{list-style:none;padding:0;margin:0}.comments>li{background:#fff;border:1px solid #d5dbe1;border-left:6px solid #0a4f8a;border-radius:8px;padding:.75rem 1rem;margin:0 0 .75rem}
.tasks a{font-weight:600;font-size:1.05rem}
.due{font-size:.9rem;color:#4a5560}
.due strong{color:#1b1f24}
.overdue .due strong{color:#a4161a}
.badge{display:inline-block;font-size:.8rem;padding:.05rem .5rem;border-radius:1rem;background:#e3e8ee;color:#1b1f24}
.scroll{overflow-x:auto;margin-bottom:1rem;position:relative}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
th,td{border:1px solid #d5dbe1;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#e9eef3}
tbody th,tfoot th{min-width:9rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.bad td{background:#fdecea}
.bad-text{color:#a4161a;font-weight:600}
.ok-text{color:#1e6b34;font-weight:600}
.steps{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4rem}
.steps li{padding:.25rem .6rem;border-radius:1rem;border:1px solid #b8c2cc;background:#fff;font-size:.9rem}
.steps li.done{background:#e7f4ea;border-color:#1e6b34}
.steps li[aria-current]{background:#0a4f8a;border-color:#0a4f8a;color:#fff;font-weight:600}
.predikat{font-size:1.6rem;font-weight:700;color:#0a3d6b}
.bars{list-style:none;padding:0;margin:0}
.bars li{display:grid;grid-template-columns:minmax(7rem,12rem) 1fr;gap:.5rem;align-items:center;margin:.35rem 0}
.stack{display:flex;height:1.4rem;border-radius:4px;overflow:hidden;background:#e3e8ee}
.stack span{display:block;height:100%}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;font-size:.85rem}
.legend i{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;margin-right:.3rem;vertical-align:-2px}
.s-socialisation{background:#8fb8de}.s-agreement{background:#4d8fcc}.s-checkIns{background:#1f6fb5}.s-review{background:#7a5bb5}
.s-rating{background:#b55b9e}.s-feedback{background:#d9822b}.s-followUp{background:#c0392b}.s-completed{background:#1e6b34}.s-cancelled{background:#6b7682}
.grid2,.grid3{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}.grid2 input,.grid3 input{max-width:100%}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
input[type=file]{font:inherit;min-height:44px;width:100%;max-width:100%;min-width:0}
.predikat-form{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.4rem}.predikat-form select{width:auto;max-width:100%}.predikat-form button{min-height:44px;padding:.3rem .8rem}
.chart svg{display:block;max-width:48rem;margin-top:.5rem}.chart-text{margin-top:.5rem}.chart-text summary{cursor:pointer;color:#0a4f8a;min-height:44px;display:flex;align-items:center}
.tree{list-style:none;padding:0;margin:0}.tree li{background:#fff;border:1px solid #d5dbe1;border-left:4px solid #0a4f8a;border-radius:6px;padding:.5rem .75rem;margin:0 0 .4rem}
.subnav{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:0 0 1rem}.subnav a{padding:.5rem 0;min-height:44px}.subnav a[aria-current]{font-weight:700;text-decoration-thickness:3px}
.timeline{list-style:none;padding:0;margin:0 0 1rem;border-left:3px solid #b8c2cc}
.timeline li{display:grid;grid-template-columns:minmax(6rem,11rem) minmax(0,1fr);overflow-wrap:anywhere;gap:.1rem 1rem;padding:.45rem .75rem;background:#fff;border-bottom:1px solid #e3e8ee}
.timeline li .small{grid-column:2;font-size:.8rem}.timeline li.bad{background:#fdecea}
.timeline li.future{background:#f4f6f8;color:#4a5560}.timeline li.future a{color:#4a5560}
.timeline li[aria-current]{border-left:6px solid #0a4f8a;margin-left:-4px;background:#eaf2fb;font-weight:600}
.when{font-variant-numeric:tabular-nums;color:#4a5560;font-size:.9rem}
.asof .slider{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.asof input[type=range]{flex:1 1 16rem;min-height:44px;accent-color:#0a4f8a}
.asof output{font-weight:600;font-variant-numeric:tabular-nums}
a.button.secondary-link{background:#fff;color:#0a4f8a}
blockquote.feedback{margin:.4rem 0 .6rem;padding:.4rem .8rem;border-left:4px solid #0a4f8a;background:#fff}
.wrap{overflow-wrap:anywhere}
dl.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0 0 1rem}dl.counts dd{margin:0;font-weight:700;font-size:1.2rem}
ul.plain{list-style:none;padding:0;margin:0}
h2.group{font-size:1.05rem;margin:1rem 0 .5rem}
#monitoring-table tbody.bad td{background:#fdecea}#monitoring-table tbody{border-bottom:3px solid #b8c2cc}#monitoring-table tr.behind td{font-size:.9rem}
@media (max-width:40rem){#monitoring-table thead{display:none}#monitoring-table,#monitoring-table tbody,#monitoring-table tr{display:block}#monitoring-table tbody{border:1px solid #d5dbe1;border-radius:8px;margin:0 0 .75rem;background:#fff;overflow:hidden}#monitoring-table td,#monitoring-table tbody th{display:block;border:0;border-top:1px solid #e3e8ee}#monitoring-table td[data-label]::before{content:attr(data-label) ": ";font-weight:600}#monitoring-table td.pick:empty{display:none}#monitoring-table td.pick label.check{margin:0}}
.findings li{margin:0 0 .5rem}
dl.facts{display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);gap:.25rem 1rem;margin:0;overflow-wrap:anywhere}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.parties h2{margin-top:0;font-size:1.1rem}.parties section+section{margin-top:1rem}
@media (max-width:30rem){dl.facts{grid-template-columns:1fr;gap:0}dl.facts dd{margin-bottom:.4rem}}
.indicators{list-style:none;padding:0;margin:.25rem 0 .75rem}.indicators>li{border-left:4px solid #d5dbe1;padding:.25rem 0 .25rem .75rem;margin:0 0 .6rem}
.evidence{margin:0;padding-left:1.1rem}
.pair{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr))}
label.check{font-weight:400;display:flex;gap:.5rem;align-items:center;min-height:44px;margin:.5rem 0 0}
dl.values dt{font-weight:600;margin-top:.6rem}dl.values dd{margin:0}.perilaku .value p{margin:.6rem 0 0}
details.value{border-bottom:1px solid #e3e8ee;padding:.25rem 0}details.value summary{cursor:pointer;font-weight:600;min-height:44px;display:flex;align-items:center;gap:.3rem;flex-wrap:wrap}
@media (max-width:40rem){.timeline li{grid-template-columns:1fr}.timeline li .small{grid-column:1}main{padding:.75rem}.card{padding:.75rem}fieldset{padding:.4rem .5rem}.who{margin-left:0;width:100%}.bars li{grid-template-columns:1fr}h1{font-size:1.3rem}}
`;
