// A readable timeline of one appraisal, from its event log alone: one line per event with the time it
// happened (the workflow's clock), the actor (metadata) and a sentence in Bahasa Indonesia or English.
// Entries keep their instants in ISO 8601 (for machines); the sentences and the printed lines show times
// on the wall clock of the organisation's zone with its name (WIB, WITA, WIT), as the pages do.

import type { Kysely } from 'kysely';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { type AppraisalState, evolve, initialState } from '../domain/appraisal/state.ts';
import type { Step } from '../domain/appraisal/types.ts';
import { appraisalStreamId, parseSystemActor } from '../domain/ids.ts';
import { predikatLabels, ratingLabels } from '../domain/rating/predikat.ts';
import { localDateTimeText, localStampText } from '../domain/time/local-text.ts';
import { defaultTimeZone, zoneAbbreviation } from '../domain/time/zones.ts';
import { fill, inSentence, vocabularies } from '../domain/vocabulary/vocabulary.ts';
import type { Database } from '../schema/database.ts';
import { AuditError } from './errors.ts';
import { readStreamRows, validateRow } from './event-rows.ts';
import { evidenceNote } from './evidence-note.ts';
import {
  type Lang,
  object,
  packNote,
  ratingChangeWords,
  reviewRoleWords,
  subject,
  taskWord,
  whoIs,
} from './timeline-words.ts';

export type { Lang };

export interface TimelineEntry {
  version: number;
  position: number;
  /** When it happened (the event's `at`), else when it was recorded. */
  at: string;
  recordedAt: string;
  actor: string;
  /** Who acted, in words: "Sistem" for the workflow on its own, else the person's name and NIP. */
  who: string;
  type: string;
  sentence: string;
}

/** The timeline; `timeZone` is the organisation's (its sentences' times are shown there). */
export async function appraisalTimeline(
  db: Kysely<Database>,
  appraisalId: string,
  lang: Lang = 'id',
  timeZone: string = defaultTimeZone,
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let state: AppraisalState | null = null;
  let names: ReadonlyMap<string, string> | undefined;
  let launcher: string | undefined;
  for await (const rows of readStreamRows(db, [appraisalStreamId(appraisalId)])) {
    names ??= await peopleNames(db, rows[0]?.data);
    for (const row of rows) {
      const validated = validateRow(row);
      const base = {
        version: row.stream_version,
        position: row.global_position,
        recordedAt: new Date(row.recorded_ms).toISOString(),
        actor: String((row.metadata as { actor?: unknown } | null)?.actor ?? '?'),
        type: row.type,
      };
      // The appraisal workflow records what it does on its own under the NIP of whoever launched the
      // cycle: those events are the system's, not that person's.
      launcher ??= row.type === 'appraisal.started' ? base.actor : undefined;
      const own = base.actor === launcher && workflowOwnEvents.has(row.type);
      const who = own ? subject('system', lang) : actorWords(base.actor, names, lang);
      const at = (row.data as { at?: unknown } | null)?.at;
      const time = typeof at === 'string' ? at : base.recordedAt;
      if (!validated.ok) {
        const invalid = lang === 'id' ? 'Peristiwa tidak valid' : 'Invalid event';
        entries.push({ ...base, who, at: time, sentence: `${invalid} ${row.type}: ${validated.detail}` });
        continue;
      }
      const event = { type: validated.event.type, data: validated.event.data } as AppraisalEvent;
      const before = state;
      state = event.type === 'appraisal.started' ? initialState(event.data) : state && evolve(state, event);
      const said =
        sentence(event, state, before, base.actor, lang, timeZone) +
        packNote(event.data, lang) +
        evidenceNote(event.data, lang);
      entries.push({ ...base, who, at: time, sentence: said });
    }
  }
  if (entries.length === 0) throw new AuditError('not_found', `no events of appraisal ${appraisalId}`);
  return entries;
}

/**
 * `2027-03-31 16:00 WIB  dr. Riko Saputra (197502281999041006)  Atasan mengusulkan RHK versi 2`, in the
 * organisation's zone.
 */
export function formatTimeline(
  entries: readonly TimelineEntry[],
  timeZone: string = defaultTimeZone,
): string {
  const width = Math.max(...entries.map((e) => e.who.length));
  return entries
    .map((e) => `${localStampText(e.at, timeZone)}  ${e.who.padEnd(width)}  ${e.sentence}`)
    .join('\n');
}

/** The names of the organisation's people (leavers too: the record names them as they were listed). */
async function peopleNames(db: Kysely<Database>, started: unknown): Promise<ReadonlyMap<string, string>> {
  const orgId = (started as { orgId?: unknown } | null)?.orgId;
  if (typeof orgId !== 'string') return new Map();
  const rows = await db.selectFrom('employees').select(['nip', 'name']).where('org_id', '=', orgId).execute();
  return new Map(rows.map((r) => [r.nip, r.name] as const));
}

/** "Sistem" for the workflow on its own (`system:<component>`), "Name (NIP)" for a person, else as recorded. */
export function actorWords(
  actor: string,
  names: ReadonlyMap<string, string> | undefined,
  lang: Lang,
): string {
  if (parseSystemActor(actor) !== undefined) return subject('system', lang);
  const name = names?.get(actor);
  return name ? `${name} (${actor})` : actor;
}

/** Events only the workflow makes, at a calendar time or on a signal: never a person's command. */
const workflowOwnEvents: ReadonlySet<string> = new Set([
  'appraisal.stepEntered',
  'appraisal.completed',
  'actingRater.started',
  'actingRater.ended',
  'task.expired',
  'task.reminded',
  'socialisation.escalated',
  'agreement.missed',
  'checkIn.missed',
  'period.opened',
  'period.escalated',
  'period.missed',
  'review.missed',
  'rating.missed',
  'rating.escalated',
  'rating.released',
  'objection.explanationMissed',
  'referral.created',
  'referral.lapsed',
  'recognition.recorded',
]);

/** A task closed before its step's deadline in the agreement step once the SKP is agreed. */
const agreedEarly = (state: AppraisalState | null, at: string) =>
  state?.step === 'agreement' &&
  state.agreement.agreedVersion !== null &&
  state.deadline !== null &&
  Date.parse(at) < Date.parse(state.deadline);

/** An instant in ISO 8601 (what events record), as distinct from a plain date such as a report's day. */
const isInstant = (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text);

export function sentence(
  event: AppraisalEvent,
  state: AppraisalState | null,
  before: AppraisalState | null,
  actor: string,
  lang: Lang,
  timeZone: string,
): string {
  const words = vocabularies[lang];
  const when = (iso: string) => localDateTimeText(iso, timeZone, lang);
  const say = (key: keyof typeof words.events, values: Record<string, string | number> = {}) =>
    fill(words.events[key], values);
  const by = (nip: string) => subject(whoIs(nip, state), lang);
  const step = (s: Step) => inSentence(words.steps[s]);
  const task = (taskId: string) => taskWord(taskId, lang);
  const predikat = (p: keyof typeof predikatLabels | null) => (p ? predikatLabels[p] : '-');
  const rating = (r: keyof typeof ratingLabels) => ratingLabels[r][lang];
  switch (event.type) {
    case 'appraisal.started': {
      const e = event.data.participants.employee;
      const who = { name: e.name, nip: e.nip, unit: e.unitCode };
      const back = event.data.rejoined;
      return back
        ? say('appraisal.started:rejoined', {
            ...who,
            effectiveDate: back.effectiveDate,
            reason: back.reason,
            previous: back.previousAppraisalId,
          })
        : say(event.type, who);
    }
    case 'appraisal.stepEntered':
      return event.data.deadline
        ? say('appraisal.stepEntered:due', {
            step: step(event.data.step),
            deadline: when(event.data.deadline),
          })
        : say(event.type, { step: step(event.data.step) });
    case 'appraisal.deadlineExtended':
      return say(event.type, {
        by: by(event.data.by),
        step: step(event.data.step),
        deadline: when(event.data.deadline),
      });
    case 'task.assigned': {
      const to = event.data.assigneeRole === 'hr' ? 'hr' : whoIs(event.data.assigneeNip, state);
      const nip = event.data.assigneeNip ? ` (${event.data.assigneeNip})` : '';
      return say(event.type, { task: task(event.data.taskId), to: `${object(to, lang)}${nip}` });
    }
    case 'task.reassigned': {
      const d = event.data;
      const to = d.assigneeRole === 'hr' ? 'hr' : whoIs(d.assigneeNip, state);
      const nip = d.assigneeNip ? ` (${d.assigneeNip})` : '';
      const from = d.fromNip ?? object('hr', lang);
      return say(event.type, {
        task: task(d.taskId),
        from,
        to: `${object(to, lang)}${nip}`,
        reason: d.reason,
      });
    }
    case 'participants.changed': {
      const d = event.data;
      return say(event.type, {
        by: by(d.by),
        previous: d.previousSupervisorNip ?? '-',
        rater: d.supervisorNip,
        superior: d.superiorNip ?? '-',
        effectiveDate: d.effectiveDate,
        reason: d.reason,
      });
    }
    case 'mutasi.recorded': {
      const d = event.data;
      const kind = { mutasi: { id: 'mutasi', en: 'mutasi' }, promotion: { id: 'promosi', en: 'promotion' } };
      return say(event.type, {
        by: by(d.by),
        kind: kind[d.kind][lang],
        position: d.positionCode,
        unit: d.unitCode,
        rater: d.supervisorNip ?? object('hr', lang),
        effectiveDate: d.effectiveDate,
        closed: String(d.skpPeriod - 1),
        opened: String(d.skpPeriod),
        reason: d.reason,
      });
    }
    case 'actingRater.appointed': {
      const d = event.data;
      return say(event.type, {
        by: by(d.by),
        acting: d.actingNip,
        from: d.from,
        to: d.to,
        zone: zoneAbbreviation(d.timeZone),
        reason: d.reason,
      });
    }
    case 'actingRater.started':
    case 'actingRater.ended':
      return say(event.type, {
        acting: event.data.actingNip,
        rater: event.data.raterNip ?? object('hr', lang),
      });
    case 'task.completed':
      return say(event.type, { by: by(event.data.by), task: task(event.data.taskId) });
    case 'task.expired':
      // The agreement step closes as soon as the SKP is agreed, and its tasks still open close with it:
      // that is no deadline passed.
      return say(agreedEarly(state, event.data.at) ? 'task.expired:agreed' : event.type, {
        task: task(event.data.taskId),
      });
    case 'task.cancelled':
      return say(event.type, { task: task(event.data.taskId), reason: event.data.reason });
    case 'task.reminded':
      return say(event.type, { task: task(event.data.taskId), due: when(event.data.dueAt) });
    case 'checkIn.submitted':
      return say(event.type, {
        by: by(event.data.by),
        quarter: event.data.quarter,
        count: event.data.realisations.length,
      });
    case 'review.peersAssigned':
      return say(event.type, { by: by(event.data.by), count: event.data.peerNips.length });
    case 'review.submitted':
      return say(event.type, {
        by: by(event.data.reviewerNip),
        role: reviewRoleWords[event.data.role][lang],
      });
    case 'review.missed':
      return say(event.type, {
        role: reviewRoleWords[event.data.role][lang],
        reviewer: event.data.reviewerNip,
      });
    case 'rating.set':
      return say(event.type, {
        by: by(event.data.by),
        results: rating(event.data.results),
        behaviour: rating(event.data.behaviour),
        predikat: predikat(event.data.predikat),
      });
    case 'rating.released':
      return say(event.type, {
        predikat: predikat(event.data.predikat),
        deadline: when(event.data.objectionDeadline),
      });
    case 'objection.decided': {
      const d = event.data;
      // A change of a rating that leaves the predikat as it was says which rating changed, and how.
      const was = before?.rating;
      const changed = was
        ? (['results', 'behaviour'] as const)
            .filter((r) => was[r] !== d[r])
            .map((r) => fill(ratingChangeWords[r][lang], { from: rating(was[r]), to: rating(d[r]) }))
        : [];
      const key =
        d.decision === 'upheld'
          ? event.type
          : d.predikat === d.previousPredikat && changed.length > 0
            ? 'objection.decided:ratings'
            : 'objection.decided:changed';
      const decided = say(key, {
        by: by(d.by),
        predikat: predikat(d.predikat),
        previous: predikat(d.previousPredikat),
        ratings: changed.join(lang === 'id' ? ' dan ' : ' and '),
      });
      const letter = event.data.delegate?.letterRef;
      if (!letter) return decided;
      return `${decided}${lang === 'id' ? ` (sebagai kuasa, surat keputusan ${letter})` : ` (as delegate, decision letter ${letter})`}`;
    }
    case 'objection.explanationRequested':
      return say(event.type, {
        by: by(event.data.by),
        from: object(event.data.from === 'rater' ? 'supervisor' : 'employee', lang),
        dueAt: when(event.data.dueAt),
        question: event.data.question,
      });
    case 'objection.explanationMissed':
      return say(event.type, { from: object(event.data.from === 'rater' ? 'supervisor' : 'employee', lang) });
    case 'referral.created':
    case 'recognition.recorded':
      return say(event.type, { predikat: predikat(event.data.predikat) });
    default: {
      // Any other event says its sentence with its own values as they are, and `{by}` as who that is: a
      // new event whose sentence needs nothing more needs no case here. One that is not an appraisal
      // event (only a rewritten log has one here) is named as it is.
      const { type, data } = event as { type: string; data: Readonly<Record<string, unknown>> };
      if (!Object.hasOwn(words.events, type)) return `${subject(whoIs(actor, state), lang)}: ${type}`;
      const values = Object.fromEntries(
        Object.entries(data).flatMap(
          ([name, value]): Array<[string, string | number]> =>
            name === 'by' && typeof value === 'string'
              ? [[name, by(value)]]
              : typeof value === 'string' && isInstant(value)
                ? [[name, when(value)]]
                : typeof value === 'string' || typeof value === 'number'
                  ? [[name, value]]
                  : [],
        ),
      );
      return say(type as keyof typeof words.events, values);
    }
  }
}
