// `siklus rules impact` as a process over a real PostgreSQL: a cycle's ratings on record re-decided under a
// proposed pack, which people and units would change, and nothing written; bad packs and missing cycles
// exit 2 with the reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { asn2023 } from '../../domain/regulation/pack.ts';
import { useMigratedDatabase } from '../support/database.ts';
import { people, seedPeriodicCycle } from '../support/periodic-events.ts';
import { istimewaUnitUnderProposal, proposedPackFile } from '../support/proposed-pack.ts';
import { runSiklus } from '../support/siklus-cli.ts';

const database = useMigratedDatabase('impact_cli', (db) => seedPeriodicCycle(db, 'bungo'));
const dir = mkdtempSync(join(tmpdir(), 'siklus-impact-'));

/** The proposed pack as a file. */
const proposedPack = join(dir, 'usulan.json');
const pack = proposedPackFile();
writeFileSync(proposedPack, JSON.stringify(pack));

const impact = (args: string[]) =>
  runSiklus(['rules', 'impact', '--org', 'bungo', ...args], { DATABASE_URL: database.url });

/** Every row of the record's tables, to see that nothing was written. */
const recordSize = async () =>
  (
    await sql<{
      n: string;
    }>`select (select count(*) from events) + (select count(*) from appraisals) as n`.execute(database.db)
  ).rows[0]?.n;

describe('siklus rules pack', () => {
  it('given a day, then --json prints the pack in force there, which reads back as a pack file', async () => {
    const run = await runSiklus(['rules', 'pack', '--on', '2026-03-01', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(asn2023)));
    const text = await runSiklus(['rules', 'pack', '--on', '2026-03-01']);
    expect(text.stdout).toContain('asn-2023 (berlaku sejak 2023-01-01)');
    expect(text.stdout).toContain('keberatan: PP 30/2019 pasal 59');
    expect((await runSiklus(['rules', 'pack', '--on', 'besok'])).code).toBe(2);
  });
});

describe('siklus rules impact', () => {
  it('given the 2025 cycle and a stricter pack, then Ahmad drops to Butuh Perbaikan and PKM leaves its pattern', async () => {
    const before = await recordSize();
    const run = await impact(['--cycle', '2025', '--pack', proposedPack, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      cycleId: 'bungo.2025',
      status: 'running',
      rated: 2,
      pack: 'usulan-2027',
      inForce: 'asn-2023',
    });
    expect(out.people).toEqual([
      { nip: people.ahmad.nip, name: people.ahmad.name, unitCode: 'PKM', from: 'baik', to: 'butuhPerbaikan' },
    ]);
    expect(out.units).toContainEqual(istimewaUnitUnderProposal('PKM'));
    expect(await recordSize()).toBe(before);
  });

  it('given the same without --json, then a person reads it in Bahasa Indonesia', async () => {
    const run = await impact(['--cycle', 'bungo.2025', '--pack', proposedPack]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 pegawai berubah predikat:');
    expect(run.stdout).toContain(`${people.ahmad.nip} Ahmad Fauzi (PKM): Baik -> Butuh Perbaikan`);
    expect(run.stdout).toContain('PKM: sesuai -> tidak sesuai');
  });

  it.each([
    [['--cycle', '2031', '--pack', 'PACK'], 'organisation bungo has no cycle bungo.2031'],
    [['--cycle', '2025', '--pack', join(dir, 'missing.json')], 'missing.json: ENOENT'],
    [['--cycle', '2025', '--pack', 'SHORT'], 'objectionDays: PP 30/2019 fixes at least 14 days'],
    [['--cycle', 'kota.2025', '--pack', 'PACK'], 'cycle kota.2025 is not of organisation bungo'],
    [['--pack', 'PACK'], '--cycle is required'],
  ])('given %j, then it exits 2 saying %s', async (args, message) => {
    const short = join(dir, 'short.json');
    writeFileSync(short, JSON.stringify({ ...pack, objectionDays: 7 }));
    const run = await impact(args.map((a) => (a === 'PACK' ? proposedPack : a === 'SHORT' ? short : a)));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
