// A period's penetapan on a 360 px phone in a real browser (Debian's chromium), against the real pages
// and PostgreSQL (no Temporal: the page reads): the unit's leader opens TW2's case, with its finding,
// the counts, the unit's people and the form to sign, in Bahasa Indonesia. Nothing is wider than the
// phone, and the form's justification and button are on the screen and take a tap and typing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCurve } from '../../../domain/rating/curve-check.ts';
import { type Browser, launchBrowser } from '../../support/browser.ts';
import { people, periodPenetapanOpened } from '../../support/periodic-events.ts';
import { usePeriodicWeb } from '../../support/periodic-web.ts';

// The findings as the workflow records them: the curve check of one Sangat Kurang under capaian Kurang.
const counts = { sangatKurang: 1 };
const curve = checkCurve('PKM', 'kurang', { reason: 'alone', unitCodes: ['PKM'] }, counts);
const findings = curve.findings.map((f) => ({ rule: f.rule, message: f.message }));

const web = usePeriodicWeb('period_penetapan_phone', { kapus: [people.kapus.nip, ['employee']] }, (w) =>
  w.append([periodPenetapanOpened('TW2', counts, findings)]),
);

describe("a period's penetapan on a 360 px phone", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(() => browser?.close());

  const casePath = () => `/app/penetapan?cycle=${web.cycle.cycleId}&unit=PKM&period=TW2#case`;
  /** The document's width, and the elements reaching furthest right to name what widens it. */
  const width = async () => {
    const page = browser!.page;
    const culprits = await page.evaluate<string>(
      `JSON.stringify([...document.querySelectorAll('body *')].map((e) => [e.tagName + '#' + e.id + '.' + e.className, Math.round(e.getBoundingClientRect().right)]).filter((r) => r[1] > 360).sort((a, b) => b[1] - a[1]).slice(0, 6))`,
    );
    return { width: await page.evaluate<number>('document.documentElement.scrollWidth'), culprits };
  };

  it('fits the phone, its form on the screen and usable', async () => {
    const page = browser!.page;
    // The session as the login would set it, then the phone's own context (which takes the cookies).
    await page.goto(`${web.served.base}/app/login`);
    await page.evaluate(
      `document.cookie = ${JSON.stringify(`${web.cookies.kapus}; path=/`)}; document.cookie = 'lang=id; path=/'`,
    );
    await page.setViewport(360, 740, true);
    await page.goto(`${web.served.base}${casePath()}`);
    await page.waitFor(`document.querySelector('#case[data-period=TW2] form')`);
    expect(await page.evaluate<string>(`document.querySelector('#case-title').innerText`)).toContain(
      'penetapan TW2',
    );
    // The findings in Indonesian, one language on the page (the events store them in English).
    const caseText = await page.evaluate<string>(`document.querySelector('#case').innerText`);
    expect(caseText).toContain(
      '0 dari 1 pegawai (0%) berpredikat Kurang/Misconduct; yang dipersyaratkan paling sedikit 60% (1 pegawai)',
    );
    expect(caseText).not.toMatch(/ of 1 |required|allowed|most should be/);
    const shot = await page.screenshot('period-penetapan-phone');
    const { width: id, culprits } = await width();
    // A phone zooms out to show a page wider than itself: the width is held against 360 px itself.
    expect(id, `${shot} ${culprits}`).toBeLessThanOrEqual(360);

    // The justification and the button: inside the screen's width, and the topmost element where a
    // finger lands on them.
    const reachable = (selector: string) =>
      page.evaluate<boolean>(`(() => {
        const e = document.querySelector(${JSON.stringify(selector)});
        e.scrollIntoView({ block: 'center' });
        const r = e.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.left >= 0 && r.right <= 360 && r.width > 0 && r.height > 0 && (hit === e || e.contains(hit));
      })()`);
    const form = '#case form[action="/app/penetapan"]';
    // A justification for each finding, each labelled, reached and typed into.
    expect(findings.length).toBeGreaterThan(0);
    expect(await page.evaluate<number>(`document.querySelectorAll('${form} textarea').length`)).toBe(
      findings.length,
    );
    expect(await page.evaluate<boolean>(`document.querySelector('${form}').checkValidity()`)).toBe(false);
    for (const [i, f] of findings.entries()) {
      const field = `#justification-${i}`;
      expect(
        await page.evaluate<string>(`document.querySelector('label[for=justification-${i}]').innerText`),
      ).not.toBe('');
      expect(await reachable(field), f.rule).toBe(true);
      await page.click(field);
      await page.type(field, `Dijelaskan: ${f.rule}.`);
      expect(await page.evaluate<string>(`document.querySelector('${field}').value`)).toBe(
        `Dijelaskan: ${f.rule}.`,
      );
    }
    expect(await reachable(`${form} button[type=submit]`)).toBe(true);
    expect(await page.evaluate<boolean>(`document.querySelector('${form}').checkValidity()`)).toBe(true);
  }, 120_000);

  it('fits the phone in English too', async () => {
    const page = browser!.page;
    await page.evaluate(`document.cookie = 'lang=en; path=/'`);
    // Without the anchor: the same URL with it would only scroll, not load the page again.
    await page.goto(`${web.served.base}${casePath().replace('#case', '')}`);
    await page.waitFor(`document.querySelector('#case[data-period=TW2] form')`);
    expect(await page.evaluate<string>(`document.querySelector('#case-title').innerText`)).toContain(
      'penetapan of TW2',
    );
    expect(await page.evaluate<string>(`document.querySelector('#case').innerText`)).toContain(
      '0 of 1 (0%) are Kurang/Misconduct; at least 60% (1) required',
    );
    const shot = await page.screenshot('period-penetapan-phone-en');
    const { width: en, culprits } = await width();
    expect(en, `${shot} ${culprits}`).toBeLessThanOrEqual(360);
  }, 60_000);
});
