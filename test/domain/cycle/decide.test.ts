// The cycle's rules as given/when/then: given the events of a cycle's stream, when the workflow asks
// for a command, then these events are recorded (`thenRecord`: a `then` key would make it a thenable) (folding them with evolveCycle gives the next state).
import { describe, expect, it } from 'vitest';
import { type CycleCommand, releasedUnits } from '../../../domain/cycle/decide.ts';
import type { CycleEvent } from '../../../domain/cycle/events.ts';
import { foldCycle, givenCycle } from '../../support/cycle-given.ts';

const at = '2027-01-02T03:04:05.000Z';
const hr = '198012122005012006';

const spec = (given: CycleEvent[]) => givenCycle(given, at);

const started: CycleEvent = {
  type: 'cycle.started',
  data: { cycleId: 'bungo.2027', orgId: 'bungo', year: 2027, calendar: { a: 1 }, population: {}, by: hr, at },
};
const calibrated = (ok: boolean, baik: number): CycleEvent => ({
  type: 'cycle.unitCalibrated',
  data: { unitCode: 'A', unitPredikat: 'baik', counts: { baik }, ok, violations: [], at },
});
const calibrate = (ok: boolean, baik: number): CycleCommand => {
  const { at: _, ...data } = (calibrated(ok, baik) as Extract<CycleEvent, { type: 'cycle.unitCalibrated' }>)
    .data;
  return { type: 'recordCalibration', ...data };
};

describe('decideCycle', () => {
  it('starts a cycle once', () => {
    const { at: _, ...data } = (started as Extract<CycleEvent, { type: 'cycle.started' }>).data;
    spec([])
      .when({ type: 'start', ...data })
      .thenRecord([started]);
    spec([started])
      .when({ type: 'start', ...data })
      .thenRecord([]);
  });

  it('records a launch with the members after it', () => {
    spec([started])
      .when({ type: 'recordLaunch', launched: 20, alreadyRunning: 0, total: 20 })
      .thenRecord([{ type: 'cycle.launched', data: { launched: 20, alreadyRunning: 0, total: 20, at } }]);
  });

  it("records HR's changes with who made them", () => {
    spec([started])
      .when({ type: 'removeEmployee', nip: hr, reason: 'Pindah instansi', by: hr })
      .thenRecord([
        { type: 'cycle.employeeRemoved', data: { nip: hr, reason: 'Pindah instansi', by: hr, at } },
      ]);
    spec([started])
      .when({ type: 'setUnitPredikat', unitCode: 'A', predikat: 'baik', by: hr })
      .thenRecord([{ type: 'cycle.unitPredikatSet', data: { unitCode: 'A', predikat: 'baik', by: hr, at } }]);
  });

  it("records who set a unit's capaian as whom, with the document and the basis", () => {
    const basis = {
      as: 'delegate' as const,
      document: 'SK 800/7/2027',
      note: 'IKU',
      links: ['https://a.go.id'],
    };
    spec([started])
      .when({ type: 'setUnitPredikat', unitCode: 'A', predikat: 'baik', by: hr, ...basis })
      .thenRecord([
        { type: 'cycle.unitPredikatSet', data: { unitCode: 'A', predikat: 'baik', by: hr, ...basis, at } },
      ]);
  });

  it('records a leaver who came back with the reason and the day, and keeps the earlier removal', () => {
    const removed: CycleEvent = {
      type: 'cycle.employeeRemoved',
      data: { nip: hr, reason: 'Tugas belajar', by: hr, at },
    };
    const back: CycleEvent = {
      type: 'cycle.employeeRejoined',
      data: { nip: hr, reason: 'Selesai tugas belajar', effectiveDate: '2027-08-01', by: hr, at },
    };
    spec([started, removed])
      .when({
        type: 'rejoinEmployee',
        nip: hr,
        reason: 'Selesai tugas belajar',
        effectiveDate: '2027-08-01',
        by: hr,
      })
      .thenRecord([back]);
    const state = foldCycle([started, removed, back]);
    expect(state?.employeesRemoved).toEqual([removed.data]);
    expect(state?.employeesRejoined).toEqual([back.data]);
  });

  it("records a period's capaian with its period, kept apart from the year's that calibration uses", () => {
    const setTw1: CycleEvent = {
      type: 'cycle.unitPredikatSet',
      data: { unitCode: 'A', predikat: 'kurang', period: 'TW1', by: hr, at },
    };
    spec([started])
      .when({ type: 'setUnitPredikat', unitCode: 'A', predikat: 'kurang', period: 'TW1', by: hr })
      .thenRecord([setTw1]);
    const year: CycleEvent = {
      type: 'cycle.unitPredikatSet',
      data: { unitCode: 'A', predikat: 'baik', by: hr, at },
    };
    const setTw2: CycleEvent = {
      type: 'cycle.unitPredikatSet',
      data: { unitCode: 'A', predikat: 'istimewa', period: 'TW2', by: hr, at },
    };
    expect(foldCycle([started, year, setTw1, setTw2])?.units.A).toMatchObject({
      unitPredikat: 'baik',
      periodPredikat: { TW1: 'kurang', TW2: 'istimewa' },
    });
    expect(foldCycle([started, setTw1])?.units.A).toMatchObject({
      unitPredikat: null,
      periodPredikat: { TW1: 'kurang' },
    });
  });

  it('records a calibration outcome only when it differs from the last one of the unit', () => {
    spec([started])
      .when(calibrate(false, 3))
      .thenRecord([calibrated(false, 3)]);
    spec([started, calibrated(false, 3)])
      .when(calibrate(false, 3))
      .thenRecord([]);
    spec([started, calibrated(false, 3)])
      .when(calibrate(true, 4))
      .thenRecord([calibrated(true, 4)]);
  });

  it("records the curve check with its pack, and a new outcome when only the group's findings change", () => {
    const curve = (baik: number, findings: string[]) => ({
      group: { reason: 'withParent' as const, unitCodes: ['A', 'P'] },
      counts: { baik },
      rules: [],
      findings: findings.map((rule) => ({
        rule,
        met: false,
        message: rule,
        actual: 0,
        limit: 1,
        total: baik,
      })),
      conforms: findings.length === 0,
    });
    const withCurve = (baik: number, findings: string[]): CycleEvent => ({
      type: 'cycle.unitCalibrated',
      data: {
        unitCode: 'A',
        unitPredikat: 'baik',
        counts: { baik: 3 },
        ok: true,
        violations: [],
        curve: curve(baik, findings),
        pack: 'asn-2023',
        at,
      },
    });
    const command = (baik: number, findings: string[]): CycleCommand => {
      const { at: _, ...data } = (
        withCurve(baik, findings) as Extract<CycleEvent, { type: 'cycle.unitCalibrated' }>
      ).data;
      return { type: 'recordCalibration', ...data };
    };
    spec([started])
      .when(command(8, ['baik.atLeastOneButuhPerbaikanOrKurang']))
      .thenRecord([withCurve(8, ['baik.atLeastOneButuhPerbaikanOrKurang'])]);
    spec([started, withCurve(8, ['baik.atLeastOneButuhPerbaikanOrKurang'])])
      .when(command(8, ['baik.atLeastOneButuhPerbaikanOrKurang']))
      .thenRecord([]);
    spec([started, withCurve(8, ['baik.atLeastOneButuhPerbaikanOrKurang'])])
      .when(command(9, []))
      .thenRecord([withCurve(9, [])]);
  });

  it('releases a unit once, and calibrates a released unit no more', () => {
    const released: CycleEvent = { type: 'cycle.unitReleased', data: { unitCode: 'A', employees: 4, at } };
    spec([started, calibrated(true, 4)])
      .when({ type: 'releaseUnit', unitCode: 'A', employees: 4 })
      .thenRecord([released]);
    spec([started, calibrated(true, 4), released])
      .when({ type: 'releaseUnit', unitCode: 'A', employees: 4 })
      .thenRecord([]);
    spec([started, calibrated(true, 4), released])
      .when(calibrate(false, 9))
      .thenRecord([]);
    expect(releasedUnits(foldCycle([started, calibrated(true, 4), released])!)).toEqual(['A']);
  });

  it('closes once; a closed cycle records nothing more', () => {
    const closed: CycleEvent = { type: 'cycle.closed', data: { by: hr, at } };
    spec([started]).when({ type: 'close', by: hr }).thenRecord([closed]);
    spec([started, closed]).when({ type: 'close', by: hr }).thenRecord([]);
    spec([started, closed])
      .when({ type: 'addEmployees', nips: [hr], by: hr })
      .thenRecord([]);
  });

  it('records nothing for a cycle that has not started', () => {
    spec([]).when({ type: 'close', by: hr }).thenRecord([]);
  });
});
