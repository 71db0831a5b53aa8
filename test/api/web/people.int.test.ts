// The people as the official forms show them, over real HTTP against real PostgreSQL: a PPPK nurse (NI
// PPPK, golongan VII) and her PNS rater (Pembina, IV/a) on the SKP editor, on "my appraisal" in both
// languages and in the API's reads of them (my appraisal, the evaluation file); a PNS's pangkat/golongan
// at the head of a period's rating page.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type loadDevKey, signDevToken } from '../../../auth/dev-keys.ts';
import type { AppraisalEvent } from '../../../domain/appraisal/events.ts';
import { openingEvents } from '../../../domain/appraisal/opening.ts';
import { evolve, initialState } from '../../../domain/appraisal/state.ts';
import { enterStep } from '../../../domain/appraisal/transitions.ts';
import { eventSchemas } from '../../../domain/event-registry.ts';
import { appraisalIdFor, appraisalStreamId } from '../../../domain/ids.ts';
import { projections } from '../../../record/projections/index.ts';
import { appendToStream, type NewEvent } from '../../../record/store/index.ts';
import type { Database } from '../../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.ts';
import {
  hrNip,
  type PeriodicCycle,
  people,
  periodicCalendar,
  ranks,
  seedPeriodicCycle,
} from '../../support/periodic-events.ts';
import { type DevServedApp, serveWithoutTemporal } from '../../support/web-app.ts';

const rina = { nip: '199312282021212009', name: 'Ns. Rina Marlina' }; // NI PPPK, first contract 2021

let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let cycle: PeriodicCycle;
let rinaAppraisal: string;
let devKey: Awaited<ReturnType<typeof loadDevKey>>;

beforeAll(async () => {
  database = await createMigratedDatabase('people_web');
  db = database.db;
  cycle = await seedPeriodicCycle(db, 'bungo');
  await db
    .insertInto('employees')
    .values({
      org_id: 'bungo',
      nip: rina.nip,
      name: rina.name,
      email: null,
      unit_code: 'PKM',
      position_code: 'STAF',
      supervisor_nip: people.kapus.nip,
      employment_status: 'PPPK',
      rank: 'VII',
    })
    .execute();
  // Her appraisal, through socialisation into the agreement: the rater's SKP editor task is open.
  rinaAppraisal = appraisalIdFor(cycle.cycleId, rina.nip);
  const input = {
    appraisalId: rinaAppraisal,
    cycleId: cycle.cycleId,
    orgId: 'bungo',
    participants: {
      employee: { nip: rina.nip, name: rina.name, unitCode: 'PKM', positionCode: 'STAF' },
      supervisorNip: people.kapus.nip,
      superiorNip: people.head.nip,
      subordinateNips: [],
    },
    calendar: periodicCalendar(),
  };
  const at = '2025-01-01T00:00:00.000Z';
  const opening = openingEvents(input, at);
  const state = opening.reduce(evolve, initialState({ ...input, calendar: {}, at }));
  const events: AppraisalEvent[] = [
    ...opening,
    ...enterStep(state, 'agreement', '2025-01-31T16:59:59.000Z', '2025-01-15T00:00:00.000Z'),
  ];
  const envelopes = events.map((e) => ({
    eventId: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: { actor: 'test' },
  }));
  await appendToStream(
    db,
    eventSchemas,
    appraisalStreamId(rinaAppraisal),
    envelopes as NewEvent<typeof eventSchemas>[],
    { expectedVersion: 0, projections },
  );
  // No Temporal behind this client: every request here reads.
  served = await serveWithoutTemporal(db, 'people');
  devKey = served.devKey;
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

const token = (nip: string, roles: Array<'hr' | 'employee'> = ['employee']) =>
  signDevToken(devKey, { org: 'bungo', nip, roles });
const page = async (path: string, nip: string, lang: 'id' | 'en' = 'id') => {
  const response = await fetch(`${served.base}${path}`, {
    redirect: 'manual',
    headers: { cookie: `siklus_session=${await token(nip)}; lang=${lang}` },
  });
  expect(response.status, path).toBe(200);
  return response.text();
};
const api = async (path: string, nip: string, roles: Array<'hr' | 'employee'> = ['employee']) => {
  const response = await fetch(`${served.base}/v1/orgs/bungo${path}`, {
    headers: { authorization: `Bearer ${await token(nip, roles)}` },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};
const openTask = async (appraisalId: string, kind: string) =>
  (
    await db
      .selectFrom('tasks')
      .select('task_id')
      .where('appraisal_id', '=', appraisalId)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow()
  ).task_id;

/** The two parties' facts as the card lists them, tags dropped. */
const partyFacts = (html: string) =>
  [
    ...html.matchAll(
      /<section aria-labelledby="party-(\w+)"><h2[^>]*>([^<]*)<\/h2><dl class="facts">(.*?)<\/dl>/gs,
    ),
  ].map(([, who, title, facts]) => [
    who,
    title,
    (facts ?? '').replace(/<[^>]+>/g, '|').replace(/\|+\s*\|*/g, '|'),
  ]);

describe('the SKP editor in front of the rater', () => {
  it('heads the SKP with the PPPK employee and the PNS rater, each with number, status and rank', async () => {
    const html = await page(
      `/app/tasks/${encodeURIComponent(await openTask(rinaAppraisal, 'proposeIndicators'))}`,
      people.kapus.nip,
    );
    expect(partyFacts(html)).toEqual([
      [
        'employee',
        'Pegawai yang dinilai',
        `|Nama|${rina.name}|NI PPPK|${rina.nip}|Status kepegawaian|PPPK|Golongan|VII|Jabatan|Perawat Terampil|Unit kerja|Puskesmas Muara Bungo|`,
      ],
      [
        'rater',
        'Pejabat penilai kinerja',
        `|Nama|${people.kapus.name}|NIP|${people.kapus.nip}|Status kepegawaian|PNS|Pangkat/golongan|${ranks.kapus}|Jabatan|Kepala Puskesmas|Unit kerja|Puskesmas Muara Bungo|`,
      ],
    ]);
    // Above the editor, below the task's head.
    expect(html.indexOf('party-employee')).toBeGreaterThan(html.indexOf('class="due"'));
    expect(html.indexOf('party-employee')).toBeLessThan(html.indexOf('id="skp-editor-title"'));
  });
});

describe('my appraisal', () => {
  it.each([
    ['id', 'Pegawai yang dinilai', 'Status kepegawaian|PPPK|Golongan|VII'],
    [
      'en',
      'Employee appraised',
      'Employment status|PPPK (government employee with a work contract)|Grade (golongan)|VII',
    ],
  ] as const)('shows me, a PPPK, with my NI PPPK and golongan, in %s', async (lang, title, employment) => {
    const html = await page('/app/appraisal', rina.nip, lang);
    const [mine, rater] = partyFacts(html);
    expect(mine?.slice(0, 2)).toEqual(['employee', title]);
    expect(mine?.[2]).toContain(`|NI PPPK|${rina.nip}|${employment}|`);
    expect(rater?.[2]).toContain(`|NIP|${people.kapus.nip}|`);
    expect(rater?.[2]).toContain(`|${ranks.kapus}|`);
  });

  it('answers the API with me and my rater as the SKP names us', async () => {
    const body = await api('/me/appraisal', rina.nip);
    expect(body.appraisalId).toBe(rinaAppraisal);
    expect(body.employee).toEqual({
      nip: rina.nip,
      name: rina.name,
      employmentStatus: 'PPPK',
      rank: 'VII',
      position: 'Perawat Terampil',
      unit: 'Puskesmas Muara Bungo',
    });
    expect(body.rater).toMatchObject({ nip: people.kapus.nip, employmentStatus: 'PNS', rank: ranks.kapus });
  });
});

describe('the evaluation file', () => {
  it('gives the API reader each party’s employment status and rank', async () => {
    const file = await api(`/appraisals/${rinaAppraisal}/evaluation-file`, hrNip, ['hr']);
    expect(file.employee).toMatchObject({ nip: rina.nip, employmentStatus: 'PPPK', rank: 'VII' });
    expect(file.rater).toMatchObject({ nip: people.kapus.nip, employmentStatus: 'PNS', rank: ranks.kapus });
    expect(file.superior).toMatchObject({ nip: people.head.nip, employmentStatus: 'PNS', rank: ranks.head });
  });

  it('heads a period’s rating page with the employee’s pangkat/golongan', async () => {
    const [task] = await db
      .selectFrom('tasks')
      .select(['task_id', 'assignee_nip'])
      .where('appraisal_id', '=', cycle.appraisalIds.budi)
      .where('kind', '=', 'ratePeriod')
      .where('status', '=', 'open')
      .execute();
    expect(task).toBeDefined();
    const html = await page(`/app/tasks/${encodeURIComponent(task!.task_id)}`, task!.assignee_nip!);
    expect(html).toContain(
      `${people.budi.name}, NIP ${people.budi.nip}<br><span class="muted">PNS · ${ranks.budi}</span>`,
    );
  });
});
