// `siklus rules <predikat|distribution|keberatan|impact> ... [--json]`: the regulation's rules asked
// directly, from the same domain functions the workflows use; only `impact` reads the record (through
// DATABASE_URL) and it writes nothing. With --json one line of JSON; without it, a few lines for a person.
// Exit codes: 0 it ran (whatever the answer), 2 bad arguments, a bad pack file or a missing cycle.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { objectionDeadline } from '../domain/cycle/calendar.ts';
import { isDomainError } from '../domain/errors.ts';
import { checkDistribution, type PredikatCounts } from '../domain/rating/distribution.ts';
import { distributionRules, unitPredikats } from '../domain/rating/distribution-rules.ts';
import {
  type Predikat,
  predikatFor,
  predikatLabels,
  predikats,
  ratingLabels,
} from '../domain/rating/predikat.ts';
import { packInForce } from '../domain/regulation/pack.ts';
import { readPackFile } from '../domain/regulation/pack-file.ts';
import { localOffsetIso } from '../domain/time/local-text.ts';
import { defaultTimeZone, zoneAbbreviation } from '../domain/time/zones.ts';
import { cycleIdOf, UsageError } from './arguments.ts';

const usageText = `usage:
  siklus rules predikat --results above|meets|below --behaviour above|meets|below [--json]
  siklus rules distribution --unit ${unitPredikats.join('|')} --counts sangatBaik=N,baik=N,... [--json]
  siklus rules keberatan --received <ISO instant> [--tz Asia/Jakarta|Asia/Makassar|Asia/Jayapura] [--json]
  siklus rules pack [--on YYYY-MM-DD] [--json]   (the pack in force; with --json, a file to edit for impact)
  siklus rules impact --org <org> --cycle <year|cycleId> --pack <file.json> [--json]   (DATABASE_URL)`;

type Out = (line: string) => void;
type Rule = (args: string[], out: Out) => void | Promise<void>;

/** The words of the issue's interface, mapped to the rating codes of the domain. */
const ratingWords = { above: 'diAtas', meets: 'sesuai', below: 'diBawah' } as const;

const rules: Record<string, Rule> = {
  predikat(args, out) {
    const v = options(args, { results: { type: 'string' }, behaviour: { type: 'string' } });
    const results = ratingOf('--results', v.results);
    const behaviour = ratingOf('--behaviour', v.behaviour);
    const predikat = predikatFor(results, behaviour);
    const label = predikatLabels[predikat];
    if (v.json) return out(JSON.stringify({ predikat, label }));
    out(
      `Rating hasil kerja: ${ratingLabels[results].id}; rating perilaku kerja: ${ratingLabels[behaviour].id}`,
    );
    out(`Predikat kinerja: ${label}`);
  },

  distribution(args, out) {
    const v = options(args, { unit: { type: 'string' }, counts: { type: 'string' } });
    const unit = unitPredikats.find((u) => u === v.unit);
    if (!unit) throw new UsageError(`--unit is one of ${unitPredikats.join(', ')}`);
    const counts = countsOf(v.counts);
    const check = checkDistribution(unit, counts);
    const findings = check.ok ? [] : check.violations.map(({ rule, message }) => ({ rule, message }));
    if (v.json) return out(JSON.stringify({ conforms: check.ok, findings }));
    const broken = check.ok ? [] : check.violations;
    for (const rule of distributionRules[unit]) {
      const v = broken.find((f) => f.rule === rule.code);
      const counted = v ? ` (${v.actual} dari ${v.total} pegawai; batas ${v.limit})` : '';
      out(`${v ? 'TIDAK TERPENUHI' : 'terpenuhi'}  ${rule.text.id}${counted}`);
    }
    out(check.ok ? 'Distribusi sesuai pola.' : `Distribusi tidak sesuai pola: ${broken.length} temuan.`);
  },

  keberatan(args, out) {
    const v = options(args, { received: { type: 'string' }, tz: { type: 'string' } });
    if (!v.received) throw new UsageError('--received <ISO instant> is required');
    const zone = v.tz ?? defaultTimeZone;
    let deadline: string;
    try {
      deadline = objectionDeadline(v.received, zone, '--received');
    } catch (error) {
      if (isDomainError(error)) throw new UsageError(error.message);
      throw error;
    }
    const local = localOffsetIso(deadline, zone);
    if (v.json) return out(JSON.stringify({ deadline, local }));
    out(
      `Batas pengajuan keberatan: ${local.slice(0, 10)} pukul 23.59.59 ${zoneAbbreviation(zone)} (${deadline})`,
    );
  },

  pack(args, out) {
    const v = options(args, { on: { type: 'string' } });
    const day = v.on ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--on is a day YYYY-MM-DD; got "${day}"`);
    const pack = packInForce(day);
    if (v.json) return out(JSON.stringify(pack));
    out(`${pack.id} (berlaku sejak ${pack.effectiveFrom}): ${pack.title}`);
    for (const [rule, citation] of Object.entries(pack.citations)) out(`  ${rule}: ${citation}`);
  },

  async impact(args, out) {
    const v = options(args, { org: { type: 'string' }, cycle: { type: 'string' }, pack: { type: 'string' } });
    if (!v.org) throw new UsageError('--org is required');
    if (!v.cycle) throw new UsageError('--cycle is required');
    if (!v.pack) throw new UsageError('--pack <file.json> is required');
    const proposed = packFrom(v.pack);
    // Loaded here: the other rules need no database driver.
    const { cycleImpact, impactLines } = await import('./pack-impact.ts');
    const impact = await cycleImpact(v.org, cycleIdOf(v.org, v.cycle), proposed);
    if (typeof impact === 'string') throw new UsageError(impact);
    if (v.json) return out(JSON.stringify(impact));
    for (const line of impactLines(impact)) out(line);
  },
};

export async function rulesCommand(argv: string[], out: Out = (line) => console.log(line)): Promise<number> {
  const [name, ...args] = argv;
  const rule = name && Object.hasOwn(rules, name) ? rules[name] : undefined;
  try {
    if (!rule) throw new UsageError(name ? `unknown rule "${name}"` : 'which rule?');
    await rule(args, out);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    // parseArgs reports unknown or malformed options as TypeErrors with a code.
    console.error(`siklus rules: ${error.message}\n${usageText}`);
    return 2;
  }
}

function packFrom(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--pack ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const read = readPackFile(json);
  if (!read.ok) throw new UsageError(`--pack ${file}: ${read.message}`);
  return read.pack;
}

function options<T extends Record<string, { type: 'string' }>>(args: string[], own: T) {
  const { values, positionals } = parseArgs({
    args,
    options: { ...own, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  return values as { [K in keyof T]?: string } & { json?: boolean };
}

function ratingOf(flag: string, word: string | undefined) {
  const rating =
    word !== undefined && Object.hasOwn(ratingWords, word)
      ? ratingWords[word as keyof typeof ratingWords]
      : undefined;
  if (!rating)
    throw new UsageError(`${flag} is above, meets or below${word === undefined ? '' : `; got "${word}"`}`);
  return rating;
}

/** `sangatBaik=7,baik=3`: each predikat at most once, whole numbers of 0 or more; the others count 0. */
function countsOf(text: string | undefined): PredikatCounts {
  if (!text) throw new UsageError('--counts is required, e.g. sangatBaik=7,baik=3');
  const counts: Partial<Record<Predikat, number>> = {};
  for (const pair of text.split(',')) {
    const [key, value, extra] = pair.split('=');
    const predikat = predikats.find((p) => p === key?.trim());
    if (!predikat || extra !== undefined)
      throw new UsageError(
        `--counts: "${pair}" is not <predikat>=<count> with a predikat of ${predikats.join(', ')}`,
      );
    if (predikat in counts) throw new UsageError(`--counts: ${predikat} is given twice`);
    const n = value?.trim() ?? '';
    if (!/^\d{1,9}$/.test(n))
      throw new UsageError(`--counts: ${predikat} must be a whole number of 0 or more; got "${n}"`);
    counts[predikat] = Number(n);
  }
  return counts;
}
