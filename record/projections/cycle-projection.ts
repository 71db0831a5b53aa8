// Read models of the cycle streams: the cycle row, each unit's calibration (predikat, outcome, release),
// each unit's capaian per evaluation period, and each unit's penetapan (the year's and each period's).
import type { Kysely, Updateable } from 'kysely';
import type { CycleEvent } from '../../domain/cycle/events.ts';
import { cycleIdOfStream } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import type { ProjectedEvent } from './appraisal-projection.ts';
import { sealCycle } from './cycle-seal.ts';

type CycleData<T extends CycleEvent['type']> = Extract<CycleEvent, { type: T }>['data'];

/** What a penetapan's opening, passing on and signature record: the year's and a period's alike. */
const openedRow = (d: CycleData<'cycle.penetapanOpened'>) => ({
  stage: d.stage,
  assignee_nip: d.assigneeNip,
  leader_nip: d.leaderNip,
  superior_nip: d.superiorNip,
  deadline: d.deadline,
  findings: JSON.stringify(d.findings),
  pack: d.pack,
  opened_at: d.at,
});
const escalatedRow = (d: CycleData<'cycle.penetapanEscalated'>) => ({
  stage: d.to,
  assignee_nip: d.assigneeNip,
  deadline: d.deadline,
});
const signedRow = (d: CycleData<'cycle.penetapanSigned'>) => ({
  signed_by: d.by,
  signed_as: d.as,
  signed_at: d.at,
  conforming: d.conforming,
  justifications: JSON.stringify(d.justifications),
});

export async function projectCycleEvents(
  trx: Kysely<Database>,
  events: readonly ProjectedEvent[],
): Promise<void> {
  for (const event of events) {
    const cycleId = cycleIdOfStream(event.streamId);
    if (!cycleId) continue; // a cycle event on a stream that is not a cycle's own: no cycle to update
    const typed = { type: event.type, data: event.data } as CycleEvent;
    switch (typed.type) {
      case 'cycle.started': {
        const d = typed.data;
        await trx
          .insertInto('cycles')
          .values({
            cycle_id: d.cycleId,
            org_id: d.orgId,
            year: d.year,
            status: 'running',
            calendar: JSON.stringify(d.calendar),
            population: JSON.stringify(d.population),
            started_by: d.by,
            started_at: d.at,
          })
          .onConflict((oc) => oc.column('cycle_id').doNothing())
          .execute();
        break;
      }
      case 'cycle.launched':
        await trx
          .updateTable('cycles')
          .set({ launched: typed.data.total })
          .where('cycle_id', '=', cycleId)
          .execute();
        break;
      case 'cycle.unitPredikatSet': {
        const { unitCode, predikat, period, by, at, as, document, note, links } = typed.data;
        const basis = {
          as: as ?? null,
          document: document ?? null,
          note: note ?? null,
          links: links ? JSON.stringify(links) : null,
        };
        if (period === undefined) {
          await upsertUnit(trx, cycleId, unitCode, {
            unit_predikat: predikat,
            capaian_by: by,
            capaian_as: basis.as,
            capaian_document: basis.document,
            capaian_note: basis.note,
            capaian_links: basis.links,
            capaian_at: at,
          });
          break;
        }
        // A period's capaian: shown against that period's predikat, never used by the year's calibration.
        const set = {
          unit_predikat: predikat,
          set_by: by,
          set_at: at,
          set_as: basis.as,
          document: basis.document,
          note: basis.note,
          links: basis.links,
        };
        await trx
          .insertInto('unit_period_predikat')
          .values({ cycle_id: cycleId, unit_code: unitCode, period, ...set })
          .onConflict((oc) => oc.columns(['cycle_id', 'unit_code', 'period']).doUpdateSet(set))
          .execute();
        break;
      }
      case 'cycle.unitCalibrated':
        await upsertUnit(trx, cycleId, typed.data.unitCode, {
          ok: typed.data.ok,
          violations: JSON.stringify(typed.data.violations),
        });
        break;
      case 'cycle.penetapanOpened': {
        const d = typed.data;
        const row = openedRow(d);
        await trx
          .insertInto('unit_penetapan')
          .values({ cycle_id: cycleId, unit_code: d.unitCode, ...row })
          .onConflict((oc) => oc.columns(['cycle_id', 'unit_code']).doUpdateSet(row))
          .execute();
        break;
      }
      case 'cycle.penetapanEscalated': {
        const d = typed.data;
        await trx
          .updateTable('unit_penetapan')
          .set(escalatedRow(d))
          .where('cycle_id', '=', cycleId)
          .where('unit_code', '=', d.unitCode)
          .execute();
        break;
      }
      case 'cycle.penetapanSigned': {
        const d = typed.data;
        await trx
          .updateTable('unit_penetapan')
          .set(signedRow(d))
          .where('cycle_id', '=', cycleId)
          .where('unit_code', '=', d.unitCode)
          .execute();
        break;
      }
      case 'cycle.periodPenetapanOpened': {
        const d = typed.data;
        const row = { ...openedRow(d), capaian: d.capaian, counts: JSON.stringify(d.counts) };
        await trx
          .insertInto('unit_period_penetapan')
          .values({ cycle_id: cycleId, unit_code: d.unitCode, period: d.period, ...row })
          .onConflict((oc) => oc.columns(['cycle_id', 'unit_code', 'period']).doUpdateSet(row))
          .execute();
        break;
      }
      case 'cycle.periodPenetapanEscalated': {
        const d = typed.data;
        await trx
          .updateTable('unit_period_penetapan')
          .set(escalatedRow(d))
          .where('cycle_id', '=', cycleId)
          .where('unit_code', '=', d.unitCode)
          .where('period', '=', d.period)
          .execute();
        break;
      }
      case 'cycle.periodPenetapanSigned': {
        const d = typed.data;
        await trx
          .updateTable('unit_period_penetapan')
          .set(signedRow(d))
          .where('cycle_id', '=', cycleId)
          .where('unit_code', '=', d.unitCode)
          .where('period', '=', d.period)
          .execute();
        break;
      }
      case 'cycle.unitReleased':
        await upsertUnit(trx, cycleId, typed.data.unitCode, { released_at: typed.data.at });
        break;
      case 'cycle.closed':
        await trx
          .updateTable('cycles')
          .set({ status: 'closed', closed_at: typed.data.at })
          .where('cycle_id', '=', cycleId)
          .execute();
        // Sealed with the close, in its transaction (see audit/seal.ts).
        await sealCycle(trx, cycleId);
        break;
      default:
        break;
    }
  }
}

async function upsertUnit(
  trx: Kysely<Database>,
  cycleId: string,
  unitCode: string,
  set: Omit<Updateable<Database['unit_calibration']>, 'cycle_id' | 'unit_code'>,
): Promise<void> {
  await trx
    .insertInto('unit_calibration')
    .values({ cycle_id: cycleId, unit_code: unitCode, ...set })
    .onConflict((oc) => oc.columns(['cycle_id', 'unit_code']).doUpdateSet(set))
    .execute();
}
