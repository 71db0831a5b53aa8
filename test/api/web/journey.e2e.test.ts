// One employee's whole year through the web UI in a real browser (Debian's chromium), against the real
// API, worker, Temporal and PostgreSQL with the demo organisations (harness: support/web-journey.ts).
// Time moves like in e2e-http.test.ts: the time-skipping test server jumps to each step's opening.
// The nurse acknowledges her standards; her supervisor (whose own SKP is agreed, so the cascade select
// appears) proposes her SKP in the editor on a 360 px phone, she comments, he revises, both sign; TW I is
// submitted with an evidence link and gets feedback; self, supervisor, peer and subordinate reviews; the
// rating; she reads the result. A colleague objects, the rater's superior decides, HR refers him to
// training and he completes it. Screenshots go to .test-results/screenshots/journey-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../../demo/seed.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { type Journey, startJourney } from '../../support/web-journey.ts';

const people = demoPeople().filter((p) => p.org === 'bungo');
const byName = (name: string) => people.find((p) => p.name === name)!;
const nurse = byName('Ns. Fitri Handayani');
const head = byName('dr. Riko Saputra'); // Kepala Puskesmas: the nurse's supervisor
const kadis = byName('dr. Nurhayati, M.Kes'); // the head's supervisor
const hrOfficer = byName('Desi Ratnasari');
const colleague = byName('Ns. Junaidi'); // the nurse's peer reviewer; objects to his own result

describe('one employee’s year in the web UI', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('bungo');
  }, 600_000);
  afterAll(async () => {
    await j?.close();
  });

  const nurseState = async () =>
    (
      await j.rig.db
        .selectFrom('appraisals')
        .select('state')
        .where('nip', '=', nurse.nip)
        .executeTakeFirstOrThrow()
    ).state as AppraisalState;
  const openTask = (kind: string, owner = nurse.nip) => j.openTask(kind, owner);
  const chooseScores = async () => {
    for (const value of ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis'])
      await j.page.click(`label:has(input[name="scores.${value}"][value="4"])`);
  };

  it('goes from the standards to the feedback through the pages', async () => {
    const { page, env, base, api, text, shot, waitForTask, skipTo, loginAs, submitAndWaitDone } = j;
    const now = new Date(await env.currentTimeMs());
    const year = now.getUTCFullYear() + 1;
    const { cycleId } = await api(
      hrOfficer,
      'POST',
      '/cycles',
      { year, start: now.toISOString(), population: { unitCodes: ['PKM-MB'] } },
      ['hr', 'employee'],
    );
    let cycle: {
      calendar: Record<string, { start: string; deadline: string }> & {
        periods: { windows: Array<{ id: string; opens: string }> };
      };
    } | null = null;
    for (let i = 0; i < 300 && !cycle; i++) {
      try {
        cycle = await api(hrOfficer, 'GET', `/cycles/${cycleId}`, undefined, ['hr', 'employee']);
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const calendar = cycle!.calendar;

    // Socialisation: the nurse reads and acknowledges her standards, on a phone.
    await page.setViewport(360, 780, true);
    await waitForTask('acknowledgeStandards', nurse.nip);
    await loginAs(nurse);
    // She has nobody reporting to her: no team link, and the page says so.
    expect(await page.evaluate<boolean>(`!!document.querySelector('nav a[href="/app/team"]')`)).toBe(false);
    await page.goto(`${base}/app/team`);
    expect(await text()).toContain('Anda tidak memiliki bawahan langsung.');
    await openTask('acknowledgeStandards');
    expect(await text()).toContain('Perawat Terampil');
    await shot('01-standards-phone');
    await submitAndWaitDone('main form button[type=submit]');

    // Agreement. The head's own SKP is agreed first (over the API), so his RHK can be cascaded.
    await skipTo(calendar.agreement!.start);
    const headTask = await waitForTask('proposeIndicators', kadis.nip);
    const ownRhk = {
      id: 'rhk-kapus-1',
      kind: 'utama',
      description: 'Mutu layanan Puskesmas Muara Bungo I meningkat',
      parentRhkId: null,
      indicators: [
        { id: 'iki-kapus-1', description: 'Indeks kepuasan masyarakat', aspect: 'kualitas', target: '85' },
      ],
    };
    await api(kadis, 'POST', `/tasks/${encodeURIComponent(headTask)}/actions`, {
      type: 'proposeIndicators',
      rhk: [ownRhk],
    });
    await api(
      head,
      'POST',
      `/tasks/${encodeURIComponent(await waitForTask('reviewIndicators', head.nip))}/actions`,
      {
        type: 'signAgreement',
        version: 1,
      },
    );
    await api(
      kadis,
      'POST',
      `/tasks/${encodeURIComponent(await waitForTask('signAgreement', kadis.nip))}/actions`,
      {
        type: 'signAgreement',
        version: 1,
      },
    );

    // The head has a team: the link is in his navigation; the nurse's appraisal waits for his proposal.
    await loginAs(head);
    await page.click('nav a[href="/app/team"]');
    await page.waitFor(`location.pathname === '/app/team'`);
    expect(await text()).toContain(nurse.name);
    await shot('02-team-phone');

    // The SKP editor on a 360 px phone: the cascade select, "add a row" without script, a field error.
    await page.click(`a[href*="${nurse.nip}%3AproposeIndicators"]`);
    await page.waitFor(`document.querySelector('#f-rhk-0-description')`);
    expect(
      await page.evaluate<string[]>(
        `[...document.querySelectorAll('#f-rhk-0-parentRhkId option')].map((o) => o.value)`,
      ),
    ).toEqual(['', 'rhk-kapus-1']);
    // A first SKP starts from the position's default indicator (master data); the head rewrites it.
    const prefilled = (id: string) => page.evaluate<string>(`document.querySelector('#${id}').value`);
    expect(await prefilled('f-rhk-0-indicators-0-description')).toBe('Asuhan keperawatan terdokumentasi');
    expect(await prefilled('f-rhk-0-indicators-0-target')).toBe('100%');
    for (const id of ['f-rhk-0-indicators-0-description', 'f-rhk-0-indicators-0-target'])
      await page.evaluate(`document.querySelector('#${id}').value = ''`);
    await page.type('#f-rhk-0-description', 'Asuhan keperawatan pasien rawat jalan terdokumentasi');
    await page.select('#f-rhk-0-parentRhkId', 'rhk-kapus-1');
    await page.type('#f-rhk-0-indicators-0-description', 'Rekam asuhan keperawatan yang lengkap');
    await page.select('#f-rhk-0-indicators-0-aspect', 'kuantitas');
    await page.type('#f-rhk-0-indicators-0-target', '90%');
    await page.click('button[name=_add][value="ind.0"]');
    await page.waitFor(`document.querySelector('#f-rhk-0-indicators-1-description')`);
    expect(await page.evaluate<string>(`document.querySelector('#f-rhk-0-indicators-0-target').value`)).toBe(
      '90%',
    );
    expect(await page.evaluate<string>(`document.querySelector('#f-rhk-0-parentRhkId').value`)).toBe(
      'rhk-kapus-1',
    );
    await page.type('#f-rhk-0-indicators-1-description', 'Waktu tunggu asuhan');
    await page.type('#f-rhk-0-indicators-1-target', '30 menit');
    await page.click('form.skp-editor .actions button:not([name])');
    await page.waitFor(`document.querySelector('#f-rhk-0-indicators-1-aspect-error')`);
    expect(await text()).toContain('Wajib diisi.');
    expect(
      await page.evaluate<string>(`document.querySelector('#f-rhk-0-indicators-1-description').value`),
    ).toBe('Waktu tunggu asuhan');
    await shot('03-skp-editor-error-phone');
    await page.select('#f-rhk-0-indicators-1-aspect', 'waktu');
    await shot('04-skp-editor-phone');
    await submitAndWaitDone('form.skp-editor .actions button:not([name])');

    // The nurse sees version 1 with its cascade, and asks for a change.
    await loginAs(nurse);
    // From "my appraisal": the proposal is there, with a link to review and sign it.
    await page.goto(`${base}/app/appraisal`);
    await page.waitFor(`document.querySelector('#skp-v1')`);
    await page.click('a.button[href*="reviewIndicators"]');
    await page.waitFor(`document.querySelector('#f-comment')`);
    expect(await text()).toContain(
      'Intervensi dari RHK atasan: Mutu layanan Puskesmas Muara Bungo I meningkat',
    );
    await page.type('#f-comment', 'Target 90% terlalu tinggi untuk triwulan pertama; usul 85%.');
    await shot('05-review-skp-phone');
    await submitAndWaitDone('form:has(#f-comment) button[type=submit]');

    // The head revises: the editor holds version 1 and shows her comment.
    await loginAs(head);
    await openTask('proposeIndicators');
    expect(await text()).toContain('usul 85%');
    expect(await page.evaluate<string>(`document.querySelector('#f-rhk-0-indicators-0-target').value`)).toBe(
      '90%',
    );
    await page.evaluate(`document.querySelector('#f-rhk-0-indicators-0-target').value = ''`);
    await page.type('#f-rhk-0-indicators-0-target', '85%');
    await submitAndWaitDone('form.skp-editor .actions button:not([name])');

    // Both sign version 2; version 1 and the comment stay visible.
    await loginAs(nurse);
    await openTask('reviewIndicators');
    const review = await text();
    expect(review).toContain('Versi 2');
    expect(review).toContain('Versi 1');
    expect(review).toContain('85%');
    await shot('06-sign-skp-v2-phone');
    await submitAndWaitDone('main form:has(input[value=signAgreement]) button[type=submit]');
    await loginAs(head);
    await openTask('signAgreement');
    await submitAndWaitDone('main form:has(input[value=signAgreement]) button[type=submit]');
    const agreed = (await nurseState()).agreement;
    expect(agreed.agreedVersion).toBe(2);
    expect(agreed.versions[1]!.rhk[0]).toMatchObject({ parentRhkId: 'rhk-kapus-1' });
    expect(agreed.versions[1]!.rhk[0]!.indicators.map((i) => i.target)).toEqual(['85%', '30 menit']);

    // TW1: realisation with an evidence link (a bad link first), then the head's feedback per RHK and rating.
    await skipTo(calendar.periods.windows[0]!.opens);
    await waitForTask('recordRealisation', nurse.nip);
    await loginAs(nurse);
    await openTask('recordRealisation');
    await page.type('#f-realisations-0-value', '88%');
    await page.type('#f-realisations-0-evidenceUrl', 'rekap-maret');
    await page.type('#f-realisations-1-value', '28 menit');
    await page.type('#f-realisations-1-evidence', 'Buku register rawat jalan');
    await page.click('main form button[type=submit]');
    await page.waitFor(`document.querySelector('#f-realisations-0-evidenceUrl-error')`);
    await page.evaluate(`document.querySelector('#f-realisations-0-evidenceUrl').value = ''`);
    await page.type('#f-realisations-0-evidenceUrl', 'https://drive.bungokab.go.id/pkm-mb/rekap-maret.pdf');
    await shot('07-check-in-phone');
    await submitAndWaitDone('main form button[type=submit]');
    await loginAs(head);
    await waitForTask('ratePeriod', head.nip);
    await openTask('ratePeriod');
    const reported = await text();
    expect(reported).toContain('https://drive.bungokab.go.id/pkm-mb/rekap-maret.pdf');
    expect(reported).toContain('Buku register rawat jalan');
    await page.type('#f-rhkFeedback-0', 'Capaian baik; pertahankan kelengkapan rekam asuhan.');
    await page.click('main form:has(input[value=givePeriodFeedback]) button[type=submit]');
    await page.waitFor(`location.search.includes('saved=feedback') && document.querySelector('#f-results')`);
    await page.select('#f-results', 'sesuai');
    await page.select('#f-behaviour', 'sesuai');
    await page.type('#f-feedback', 'Sesuai ekspektasi triwulan ini.');
    await shot('08-check-in-feedback-phone');
    await submitAndWaitDone('main form:has(input[value=ratePeriod]) button[type=submit]');
    // The nurse reads TW1's ratings, predikat and her head's feedback, and acknowledges them.
    await loginAs(nurse);
    await waitForTask('acknowledgePeriod', nurse.nip);
    await openTask('acknowledgePeriod');
    const periodResult = await text();
    expect(periodResult).toContain('Capaian baik; pertahankan kelengkapan rekam asuhan.');
    expect(periodResult).toContain('Baik');
    await submitAndWaitDone('main form:has(input[value=acknowledgePeriod]) button[type=submit]');
    expect((await nurseState()).periods.TW1).toMatchObject({
      acknowledgedAt: expect.any(String),
      realisationAt: expect.any(String),
      rating: expect.objectContaining({ predikat: 'baik', as: 'rater' }),
      feedback: [expect.objectContaining({ rhkId: expect.any(String) })],
    });

    // The annual review: self-assessment and the head's assessment, BerAKHLAK.
    await skipTo(calendar.review!.start);
    await waitForTask('selfAssessment', nurse.nip);
    await loginAs(nurse);
    await openTask('selfAssessment');
    await chooseScores();
    await shot('09-self-assessment-phone');
    await submitAndWaitDone('main form button[type=submit]');
    await loginAs(head);
    await waitForTask('supervisorAssessment', head.nip);
    await page.goto(
      `${base}/app/tasks/${encodeURIComponent(`bungo.${year}.${nurse.nip}:supervisorAssessment`)}`,
    );
    await page.waitFor(`document.querySelector('main form')`);
    await chooseScores();
    await submitAndWaitDone('main form button[type=submit]');

    // The head names a peer; the peer reviews the nurse; the nurse reviews her head as a subordinate.
    await page.goto(`${base}/app/tasks/${encodeURIComponent(`bungo.${year}.${nurse.nip}:assignPeers`)}`);
    // Picked by name: a search, then the box of the person found (nobody types a NIP).
    await page.waitFor(`document.querySelector('#peerQ')`);
    await page.type('#peerQ', 'Junaidi');
    await page.click('main form:has(#peerQ) button[type=submit]');
    const peerBox = `input[name^="peerNips."][value="${colleague.nip}"]`;
    await page.waitFor(`document.querySelector('${peerBox}')`);
    await page.click(peerBox);
    await submitAndWaitDone(`main form:has(${peerBox}) button[type=submit]`);
    await loginAs(colleague);
    await openTask('peerReview');
    await chooseScores();
    await page.type('#f-comment', 'Selalu sigap membantu rekan di ruang tindakan.');
    await shot('10-peer-review-phone');
    await submitAndWaitDone('main form button[type=submit]');
    await loginAs(nurse);
    await openTask('subordinateReview', head.nip);
    await chooseScores();
    await submitAndWaitDone('main form button[type=submit]');

    // Rating, calibration by HR, release.
    await skipTo(calendar.rating!.start);
    await waitForTask('setRating', head.nip);
    await loginAs(head);
    await page.goto(`${base}/app/tasks/${encodeURIComponent(`bungo.${year}.${nurse.nip}:setRating`)}`);
    await page.waitFor(`document.querySelector('#f-results')`);
    await page.select('#f-results', 'sesuai');
    await page.select('#f-behaviour', 'sesuai');
    await page.type('#f-feedback', 'Kinerja sesuai ekspektasi. Tingkatkan dokumentasi waktu tunggu.');
    await shot('11-rating-phone');
    await submitAndWaitDone('main form button[type=submit]');
    await api(
      head,
      'POST',
      `/tasks/${encodeURIComponent(`bungo.${year}.${colleague.nip}:setRating`)}/actions`,
      {
        type: 'setRating',
        results: 'sesuai',
        behaviour: 'diBawah',
        feedback: 'Perilaku kerja perlu diperbaiki',
      },
    );
    // HR records the unit's capaian as the leader above's delegate: its head's rating hasil kerja is taken from it.
    const capaian = { predikat: 'istimewa', document: 'SK Kadis 800/12/2027' };
    await api(hrOfficer, 'POST', `/cycles/${cycleId}/units/PKM-MB/predikat`, capaian, ['hr', 'employee']);
    // Everyone else in the unit is rated by their rater too: a cycle with periods releases a unit only
    // once every akhir rating in it is set. The head leads the unit: his rater sets only his behaviour.
    for (const other of people.filter(
      (p) => p.unitCode === 'PKM-MB' && ![nurse.nip, colleague.nip].includes(p.nip),
    )) {
      const rater = people.find((p) => p.nip === other.supervisorNip);
      if (!rater) throw new Error(`${other.name} has no rater in the demo organisation`);
      await api(
        rater,
        'POST',
        `/tasks/${encodeURIComponent(`bungo.${year}.${other.nip}:setRating`)}/actions`,
        {
          type: 'setRating',
          ...(other.leads ? {} : { results: 'sesuai' }),
          behaviour: 'sesuai',
          feedback: 'Sesuai ekspektasi',
        },
      );
    }
    await skipTo(calendar.rating!.deadline, 5 * 60_000);
    await waitForTask('readFeedback', nurse.nip);

    // The nurse reads the result and the feedback, and accepts it.
    await loginAs(nurse);
    await openTask('readFeedback');
    const feedback = await text();
    expect(feedback).toContain('Baik');
    expect(feedback).toContain('Tingkatkan dokumentasi waktu tunggu.');
    await shot('12-read-feedback-phone');
    await submitAndWaitDone('main form:has(input[value=acknowledgeFeedback]) button[type=submit]');
    await page.goto(`${base}/app/appraisal`);
    await page.waitFor(`document.querySelector('#skp')`);
    const mine = await text();
    expect(mine).toContain('Versi 2');
    expect(mine).toContain('disepakati');
    expect(mine).toContain('Intervensi dari RHK atasan: Mutu layanan Puskesmas Muara Bungo I meningkat');
    await page.setViewport(1280, 900);
    await shot('13-my-appraisal-desktop');
    expect((await nurseState()).feedbackAcknowledgedAt).not.toBeNull();

    // The colleague objects; the rater's superior upholds the result; HR refers him to training and
    // he completes it.
    await page.setViewport(360, 780, true);
    await waitForTask('readFeedback', colleague.nip);
    await loginAs(colleague);
    await openTask('readFeedback', colleague.nip);
    await page.type('#f-reasons', 'Perilaku kerja dinilai tanpa dialog kinerja.');
    await shot('14-objection-phone');
    await submitAndWaitDone('main form:has(input[value=fileObjection]) button[type=submit]');
    await loginAs(kadis);
    await openTask('decideObjection', colleague.nip);
    // The case in front of the superior on a phone: the reasons, the rating objected to, the evaluation
    // file, the forms to ask for an explanation and to decide, nothing wider than the screen.
    const decidePage = await page.evaluate<string>('document.documentElement.outerHTML');
    expect(decidePage).toContain('Perilaku kerja dinilai tanpa dialog kinerja.');
    expect(decidePage).toContain('id="evaluation-file"');
    expect(decidePage).toContain('value="askExplanation"');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await shot('14b-decide-objection-phone');
    await page.click('label:has(input[name=decision][value=upheld])');
    await page.type('#f-reason', 'Penilaian sesuai catatan kinerja dan dialog triwulan.');
    await submitAndWaitDone('main form:has(input[value=decideObjection]) button[type=submit]');
    const released = await api(colleague, 'GET', '/me/appraisal');
    expect(released.objection).toMatchObject({ decision: 'upheld' });
    await skipTo(released.release.objectionDeadline, 10 * 60_000);
    await waitForTask('assignTraining', null);
    await loginAs(hrOfficer, true);
    await openTask('assignTraining', colleague.nip);
    await page.type('#f-programme', 'Pelatihan pelayanan prima');
    await submitAndWaitDone('main form button[type=submit]');
    await loginAs(colleague);
    await openTask('completeTraining', colleague.nip);
    await page.type('#f-note', 'Sertifikat pelatihan terlampir.');
    await shot('15-complete-training-phone');
    await submitAndWaitDone('main form button[type=submit]');
    // The Update records the completed training; the workflow then finishes the appraisal as its next
    // step, a moment later.
    await expect
      .poll(async () => (await api(colleague, 'GET', '/me/appraisal')).step, { timeout: 30_000 })
      .toBe('completed');
  }, 600_000);
});
