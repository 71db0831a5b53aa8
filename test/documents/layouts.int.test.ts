// Documents issued in an older layout of their kind (documents/layouts.ts) still verify after the kind's
// printed facts changed: the verifier re-derives the facts of the layout the seal records, layout 1 for
// a document sealed before layouts were recorded. An edited old-layout document still fails, a proof
// that claims another layout fails, and a layout this siklus does not know is a finding, not a crash.
import { describe, expect, it } from 'vitest';
import { inputAsOf, issueDocuments, prepare, sealAndRender } from '../../documents/issue.ts';
import { keberatanDocument } from '../../documents/keberatan.ts';
import { type DocumentModel, factsOf } from '../../documents/model.ts';
import { issuePenetapan } from '../../documents/penetapan-issue.ts';
import { readPdf } from '../../documents/read-pdf.ts';
import { renderPdf } from '../../documents/render.ts';
import { headsAsOf, settledPosition } from '../../documents/seals.ts';
import { verifyCode, verifyWithLog } from '../../documents/verify-document.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { recordMutasi } from '../../domain/appraisal/mutasi.ts';
import { openPeriod } from '../../domain/appraisal/periodic.ts';
import { initialState, type StartedData } from '../../domain/appraisal/state.ts';
import { enterStep } from '../../domain/appraisal/transitions.ts';
import { appraisalStreamId, cycleStreamId } from '../../domain/ids.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { act, fold, nips, participantsIn } from '../domain/appraisal/fixtures.ts';
import { appendAppraisalEvents, appendStreamEvents } from '../support/appraisal-events.ts';
import { useMigratedDatabase } from '../support/database.ts';
import {
  appraisalId,
  cycleId,
  evaluationLog,
  everyone,
  objectionLog,
  rater,
  rhk,
  superior,
} from '../support/evaluation-log.ts';

const options = { lang: 'id' as const, actor: 'system:test', publicUrl: 'https://siklus.test' };
const explanation = 'Realisasi TW3 di bawah target karena bukti terlambat.';
const justification = 'Unit kecil: semua pegawai mencapai target.';
const finding = { rule: 'baik.max70PercentBaik', message: '1 dari 1 Baik (paling banyak 70%)' };
const newRater = '198807072012121008';
const movedId = `bungo.2026.${nips.employee}`;

const database = useMigratedDatabase('documents_layouts', async (db) => {
  const known = new Set(everyone.map((p) => p.nip));
  const more = [nips.employee, newRater]
    .filter((nip) => !known.has(nip))
    .map((nip) => ({ nip, name: `Pegawai ${nip.slice(-4)}`, unitCode: 'PKM', supervisorNip: rater.nip }));
  await seedOrganisation(db, 'bungo', ['PKM'], [...everyone, ...more]);
  const { events } = evaluationLog();
  await appendAppraisalEvents(db, appraisalId, 0, [...events, ...objection()]);
  await appendAppraisalEvents(db, movedId, 0, mutasiYear());
  await appendStreamEvents(db, cycleStreamId(cycleId), 0, unitYear());
});

/** Rated, released, objected to; the rater explains, the employee misses the deadline; decided. */
const objection = () =>
  objectionLog({
    reasons: 'Bukti TW3 tidak dibaca',
    hearing: [
      {
        type: 'objection.explained',
        data: { from: 'rater', explanation, by: rater.nip, at: '2028-02-16T03:00:00.000Z' },
      },
      { type: 'objection.explanationMissed', data: { from: 'employee', at: '2028-02-18T03:00:00.000Z' } },
    ],
    decision: {
      decision: 'upheld',
      results: 'diBawah',
      behaviour: 'sesuai',
      predikat: 'butuhPerbaikan',
      reason: 'Bukti tidak mengubah capaian.',
    },
  });

/** A 2026 year with a mutasi after TW1: SKP v1 agreed and TW1 rated against it, then v2 with the new rater. */
function mutasiYear(): AppraisalEvent[] {
  const started: StartedData = {
    appraisalId: movedId,
    cycleId: 'bungo.2026',
    orgId: 'bungo',
    participants: participantsIn('PKM'),
    calendar: {},
    at: '2026-01-01T00:00:00.000Z',
  };
  const log: AppraisalEvent[] = [{ type: 'appraisal.started', data: started }];
  let state = initialState(started);
  const record = (events: AppraisalEvent[]) => {
    log.push(...events);
    state = fold(state, events);
  };
  const by = (nip: string, command: Parameters<typeof act>[2], now: string) =>
    record(act(state, { nip, roles: [] }, command, now).events);
  const january = '2026-01-20T02:00:00.000Z';
  const july = '2026-07-03T02:00:00.000Z';
  record(enterStep(state, 'agreement', '2026-02-14T16:59:59.000Z', january));
  by(nips.supervisor, { type: 'proposeIndicators', rhk }, january);
  by(nips.employee, { type: 'signAgreement', version: 1 }, january);
  by(nips.supervisor, { type: 'signAgreement', version: 1 }, january);
  record(openPeriod(state, 'TW1', '2026-04-13T16:59:59.000Z', '2026-03-30T17:00:00.000Z'));
  const realisations = [{ indicatorId: 'iki-1', value: '28 menit', evidence: [] }];
  by(nips.employee, { type: 'recordRealisation', period: 'TW1', realisations }, '2026-04-02T03:00:00.000Z');
  const rate = {
    type: 'ratePeriod',
    period: 'TW1',
    results: 'sesuai',
    behaviour: 'sesuai',
    feedback: 'Baik',
  };
  by(nips.supervisor, rate as Parameters<typeof act>[2], '2026-04-06T03:00:00.000Z');
  record(
    recordMutasi(
      state,
      {
        kind: 'mutasi',
        unitCode: 'PKM',
        positionCode: 'BIDAN',
        raterNip: newRater,
        superiorNip: nips.superior,
        reason: 'SK Bupati 821/2026',
        effectiveDate: '2026-07-01',
        by: nips.hr,
      },
      july,
    ),
  );
  const moved = [{ ...rhk[0], id: 'rhk-9', description: 'Cakupan imunisasi naik' }] as typeof rhk;
  by(newRater, { type: 'proposeIndicators', rhk: moved }, july);
  by(nips.employee, { type: 'signAgreement', version: 2 }, july);
  by(newRater, { type: 'signAgreement', version: 2 }, july);
  return log;
}

/** The unit's year: its capaian, a calibration with a finding, the penetapan opened and signed. */
function unitYear() {
  const at = '2028-02-01T03:00:00.000Z';
  return [
    { type: 'cycle.unitPredikatSet', data: { unitCode: 'PKM', predikat: 'baik', by: superior.nip, at } },
    {
      type: 'cycle.unitCalibrated',
      data: { unitCode: 'PKM', unitPredikat: 'baik', counts: {}, ok: false, violations: [finding], at },
    },
    {
      type: 'cycle.penetapanOpened',
      data: {
        unitCode: 'PKM',
        leaderNip: rater.nip,
        superiorNip: superior.nip,
        stage: 'leader',
        assigneeNip: rater.nip,
        deadline: '2028-02-08T16:59:59.000Z',
        findings: [finding],
        pack: 'permenpan-6-2022',
        at,
      },
    },
    {
      type: 'cycle.penetapanSigned',
      data: {
        unitCode: 'PKM',
        by: rater.nip,
        as: 'leader',
        conforming: false,
        findings: [finding],
        justifications: [{ rule: finding.rule, text: justification }],
        pack: 'permenpan-6-2022',
        at: '2028-02-03T03:00:00.000Z',
      },
    },
  ];
}

/**
 * Issues one appraisal's document as the model builder makes it, sealed with `recorded` as its layout
 * (undefined: as documents were sealed before layouts were recorded).
 */
async function issueAs(
  subject: string,
  cycle: string,
  build: (input: NonNullable<Awaited<ReturnType<typeof inputAsOf>>>) => DocumentModel,
  recorded: number | undefined,
) {
  const { db } = database;
  const position = await settledPosition(db);
  const heads = await headsAsOf(db, cycle, position);
  const input = await inputAsOf(db, 'bungo', subject, position, 'id');
  const head = heads.get(appraisalStreamId(subject));
  if (!input || !head) throw new Error(`nothing to issue for ${subject}`);
  const { model, payload } = prepare(build(input), head, 'id');
  const { layout: _, ...before } = payload;
  const sealed = recorded === undefined ? before : { ...before, layout: recorded };
  const { documents } = await sealAndRender(
    db,
    cycle,
    position,
    heads,
    [{ model, payload: sealed }],
    options,
  );
  const [document] = documents;
  if (!document) throw new Error('not issued');
  return document;
}

const printedAs = (facts: ReadonlyArray<{ key: string; value: string }> | undefined, key: string) =>
  facts?.find((f) => f.key === key)?.value;

describe('a keberatan document of the first layout', () => {
  it('sealed before layouts were recorded, verifies as layout 1 though today prints the explanations', async () => {
    const old = await issueAs(appraisalId, cycleId, (input) => keberatanDocument(input, 1), undefined);
    const check = await verifyCode(database.db, old.code);
    expect(check).toMatchObject({ intact: true, logAgrees: true, layout: 1, findings: [] });
    expect(printedAs(check.facts, 'objection.explanation')).toBe('-');
    expect(await verifyWithLog(database.db, await readPdf(old.pdf))).toMatchObject({ intact: true });
    const today = await issueDocuments(
      database.db,
      'bungo',
      cycleId,
      [{ appraisalId, kind: 'keberatan' }],
      options,
    );
    const now = today.documents[0];
    expect(printedAs(now && factsOf(now.model), 'objection.explanation')).toBe(explanation);
    expect(await verifyCode(database.db, now?.code ?? '')).toMatchObject({ intact: true, layout: 2 });
  });

  it('issued in layout 1 explicitly, verifies; an edited copy and a proof claiming layout 2 fail', async () => {
    const request = [{ appraisalId, kind: 'keberatan' as const }];
    const { documents } = await issueDocuments(database.db, 'bungo', cycleId, request, {
      ...options,
      layouts: { keberatan: 1 },
    });
    const [old] = documents;
    if (!old) throw new Error('not issued');
    expect(old.payload.layout).toBe(1);
    expect(await verifyCode(database.db, old.code)).toMatchObject({ intact: true, layout: 1 });
    const edited = {
      ...old.model,
      blocks: old.model.blocks.map((b) =>
        b.kind === 'fields'
          ? {
              ...b,
              facts: b.facts.map((f) =>
                f.key === 'objection.explanation' ? { ...f, value: explanation } : f,
              ),
            }
          : b,
      ),
    };
    const tampered = await verifyWithLog(
      database.db,
      await readPdf(await renderPdf(edited, old.payload, options)),
    );
    expect(tampered.intact).toBe(false);
    expect(tampered.findings.map((f) => f.fact)).toEqual(['objection.explanation']);
    const claimed = await renderPdf(old.model, { ...old.payload, layout: 2 }, options);
    const relabelled = await verifyWithLog(database.db, await readPdf(claimed));
    expect(relabelled.intact).toBe(false);
    expect(relabelled.findings.map((f) => f.reason).join('\n')).toMatch(/proof does not lead to the root/);
  });
});

describe('an evaluation document of the layouts before a mutasi year printed its own SKP', () => {
  it('issued in layouts 1 and 2, each verifies with the facts it printed', async () => {
    const request = [{ appraisalId: movedId, kind: 'evaluasi' as const, period: 'TW1' }];
    for (const [layout, rhkKey] of [
      [1, 'rhk.rhk-9.description'],
      [2, 'rhk.rhk-1.description'],
    ] as const) {
      const { documents } = await issueDocuments(database.db, 'bungo', 'bungo.2026', request, {
        ...options,
        layouts: { evaluasi: layout },
      });
      const [document] = documents;
      if (!document) throw new Error('not issued');
      expect(factsOf(document.model).map((f) => f.key)).toContain(rhkKey);
      const check = await verifyCode(database.db, document.code);
      expect(check).toMatchObject({ intact: true, layout, findings: [] });
      expect(check.facts?.map((f) => f.key)).toContain(rhkKey);
    }
  });
});

describe("the year's penetapan of the layouts before it printed its signature", () => {
  it('issued in layouts 1 and 2, verifies without the justification; the newer print it', async () => {
    const unit = [{ unitCode: 'PKM', period: 'akhir' }];
    // Layout 4 words a finding in the document's language from its facts; these counts give none of
    // this finding's (its sentence was not made by the curve check), so it prints as stored.
    for (const layout of [1, 2, 3, 4]) {
      const { documents } = await issuePenetapan(database.db, 'bungo', cycleId, unit, {
        ...options,
        layouts: { penetapan: layout },
      });
      const code = documents[0]?.code ?? '';
      const check = await verifyCode(database.db, code);
      expect(check).toMatchObject({ intact: true, layout, findings: [] });
      const printed = printedAs(check.facts, 'justification');
      expect(printed).toBe(layout < 3 ? '-' : `${finding.message}: ${justification}`);
    }
  });
});

describe('a layout this siklus does not know', () => {
  it('is a finding naming the layout, not a crash', async () => {
    const unknown = await issueAs(appraisalId, cycleId, (input) => keberatanDocument(input), 99);
    const check = await verifyCode(database.db, unknown.code);
    expect(check).toMatchObject({ intact: false, kind: 'keberatan', layout: 99, layoutKnown: false });
    expect(check.findings.map((f) => f.reason).join('\n')).toMatch(/layout 99 of keberatan.*does not know/);
    expect((await verifyWithLog(database.db, await readPdf(unknown.pdf))).intact).toBe(false);
  });
});
