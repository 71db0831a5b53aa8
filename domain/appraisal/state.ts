// The state of one appraisal, folded from its events. The same `evolve` runs inside the workflow, in the
// projections and in the auditors' replay, so all three agree by construction. Its shape: state-types.ts.
import type { AppraisalEvent } from './events.ts';
import { evolvePeriods } from './periodic-state.ts';
import type {
  ActingAppointment,
  AppraisalState,
  ClosedSkpPeriod,
  ObjectionExplanation,
  StartedData,
} from './state-types.ts';

export type {
  ActingAppointment,
  AppraisalState,
  ClosedSkpPeriod,
  ObjectionExplanation,
  ObjectionState,
  OpenTask,
  SkpPeriodBasis,
  StartedData,
} from './state-types.ts';

export function initialState(started: StartedData): AppraisalState {
  return {
    appraisalId: started.appraisalId,
    cycleId: started.cycleId,
    orgId: started.orgId,
    participants: started.participants,
    calendar: started.calendar,
    // Only where recorded, so the state of an appraisal of before stays as it was stored.
    ...(started.skp ? { skp: started.skp } : {}),
    step: 'socialisation',
    deadline: null,
    version: 1,
    openTasks: {},
    socialisation: { acknowledgedAt: null, escalated: false },
    agreement: {
      versions: [],
      comments: [],
      signatures: { employee: null, supervisor: null },
      agreedVersion: null,
      missed: false,
    },
    checkIns: {},
    periods: {},
    activityReports: 0,
    review: { peerNips: [], submitted: [], missed: [] },
    rating: null,
    ratingMissed: false,
    ratingEscalatedTo: null,
    release: null,
    feedbackAcknowledgedAt: null,
    objection: null,
    referral: null,
    recognised: false,
    cancelledReason: null,
  };
}

/** Folds one event into the state. Pure: returns a new state and never mutates its input. */
export function evolve(state: AppraisalState, event: AppraisalEvent): AppraisalState {
  const s: AppraisalState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'appraisal.started':
      return initialState(event.data);
    case 'appraisal.stepEntered':
      return { ...s, step: event.data.step, deadline: event.data.deadline };
    case 'appraisal.deadlineExtended':
      return event.data.step === s.step ? { ...s, deadline: event.data.deadline } : s;
    case 'appraisal.completed':
      return { ...s, step: 'completed', deadline: null };
    case 'appraisal.cancelled':
      return { ...s, step: 'cancelled', deadline: null, openTasks: {}, cancelledReason: event.data.reason };
    case 'participants.changed': {
      const { supervisorNip, superiorNip, signatureVoided } = event.data;
      const participants = { ...s.participants, supervisorNip, superiorNip };
      if (signatureVoided === null) return { ...s, participants };
      const signatures = { ...s.agreement.signatures, supervisor: null };
      return { ...s, participants, agreement: { ...s.agreement, signatures } };
    }
    case 'mutasi.recorded': {
      const d = event.data;
      const open = s.skpPeriod;
      const closed: ClosedSkpPeriod = {
        number: d.skpPeriod - 1,
        began: open?.kind ?? 'year',
        unitCode: d.closed.unitCode,
        positionCode: d.closed.positionCode,
        raterNip: d.closed.supervisorNip,
        superiorNip: d.closed.superiorNip,
        ...(s.skp ? { skp: s.skp } : {}),
        from: open?.from ?? null,
        until: d.effectiveDate,
        agreedVersion: d.closed.agreedVersion,
        periods: d.closed.periods,
      };
      const employee = { ...s.participants.employee, unitCode: d.unitCode, positionCode: d.positionCode };
      const participants = {
        ...s.participants,
        employee,
        supervisorNip: d.supervisorNip,
        superiorNip: d.superiorNip,
      };
      // The versions stay (numbering goes on); the new SKP is agreed anew.
      const agreement = {
        ...s.agreement,
        signatures: { employee: null, supervisor: null },
        agreedVersion: null,
        missed: false,
      };
      return {
        ...s,
        participants,
        agreement,
        ...(d.skp ? { skp: d.skp } : {}),
        closedSkpPeriods: [...(s.closedSkpPeriods ?? []), closed],
        skpPeriod: { number: d.skpPeriod, kind: d.kind, from: d.effectiveDate },
      };
    }
    case 'actingRater.appointed': {
      const { appointment, actingNip, from, to, timeZone, startsAt, endsAt, reason } = event.data;
      const appointed = { appointment, actingNip, from, to, timeZone, startsAt, endsAt, reason };
      const planned: ActingAppointment = { ...appointed, status: 'planned' };
      return { ...s, actingAppointments: [...(s.actingAppointments ?? []), planned] };
    }
    case 'actingRater.started':
    case 'actingRater.ended': {
      const { appointment, actingNip } = event.data;
      const started = event.type === 'actingRater.started';
      const status: ActingAppointment['status'] = started ? 'active' : 'ended';
      const actingAppointments = (s.actingAppointments ?? []).map((a) =>
        a.appointment === appointment ? { ...a, status } : a,
      );
      const acting = started
        ? { nip: actingNip, appointment }
        : s.acting?.appointment === appointment
          ? null
          : s.acting;
      return { ...s, actingAppointments, acting };
    }
    case 'task.assigned': {
      const { taskId, kind, assigneeNip, assigneeRole, step, dueAt } = event.data;
      const task = { taskId, kind, assigneeNip, assigneeRole, step, dueAt };
      return { ...s, openTasks: { ...s.openTasks, [taskId]: task } };
    }
    case 'task.completed':
    case 'task.expired':
    case 'task.cancelled': {
      const { [event.data.taskId]: _closed, ...rest } = s.openTasks;
      return { ...s, openTasks: rest };
    }
    case 'task.reminded': {
      const task = s.openTasks[event.data.taskId];
      if (!task) return s;
      const reminded = { ...task, remindedAt: event.data.at };
      return { ...s, openTasks: { ...s.openTasks, [task.taskId]: reminded } };
    }
    case 'task.reassigned': {
      const task = s.openTasks[event.data.taskId];
      if (!task) return s;
      const { assigneeNip, assigneeRole } = event.data;
      return { ...s, openTasks: { ...s.openTasks, [task.taskId]: { ...task, assigneeNip, assigneeRole } } };
    }
    case 'socialisation.acknowledged': {
      const { at, standard } = event.data;
      // Without a version the state is as it always was (projections of older appraisals stay equal).
      return {
        ...s,
        socialisation: { ...s.socialisation, acknowledgedAt: at, ...(standard ? { standard } : {}) },
      };
    }
    case 'socialisation.escalated':
      return { ...s, socialisation: { ...s.socialisation, escalated: true } };
    case 'agreement.proposed': {
      const { version, rhk, role, ekspektasi, lampiran, by, at } = event.data;
      const drafted = { ...(role ? { role } : {}), ...(ekspektasi ? { ekspektasi } : {}) };
      return {
        ...s,
        agreement: {
          ...s.agreement,
          versions: [
            ...s.agreement.versions,
            { version, rhk, ...drafted, ...(lampiran ? { lampiran } : {}), by, at },
          ],
          signatures: { employee: null, supervisor: null },
        },
      };
    }
    case 'agreement.commented':
      return { ...s, agreement: { ...s.agreement, comments: [...s.agreement.comments, event.data] } };
    case 'agreement.signed':
      return {
        ...s,
        agreement: {
          ...s.agreement,
          signatures: { ...s.agreement.signatures, [event.data.role]: event.data.version },
        },
      };
    case 'agreement.agreed':
      return { ...s, agreement: { ...s.agreement, agreedVersion: event.data.version } };
    case 'agreement.missed':
      return { ...s, agreement: { ...s.agreement, missed: true } };
    case 'checkIn.submitted':
    case 'checkIn.feedbackGiven':
    case 'checkIn.missed': {
      const q = event.data.quarter;
      const prev = s.checkIns[q] ?? { submittedAt: null, feedbackAt: null, missed: false };
      const next =
        event.type === 'checkIn.submitted'
          ? { ...prev, submittedAt: event.data.at }
          : event.type === 'checkIn.feedbackGiven'
            ? { ...prev, feedbackAt: event.data.at, feedback: event.data.feedback }
            : { ...prev, missed: true };
      return { ...s, checkIns: { ...s.checkIns, [q]: next } };
    }
    case 'period.opened':
    case 'period.realisationRecorded':
    case 'period.feedbackGiven':
    case 'period.rated':
    case 'period.escalated':
    case 'period.missed':
    case 'period.acknowledged':
      return { ...s, periods: evolvePeriods(s.periods, event) };
    case 'activityReport.added':
      return { ...s, activityReports: s.activityReports + 1 };
    case 'review.peersAssigned':
      return { ...s, review: { ...s.review, peerNips: event.data.peerNips } };
    case 'review.submitted': {
      const { reviewerNip, role, scores } = event.data;
      return {
        ...s,
        review: { ...s.review, submitted: [...s.review.submitted, { reviewerNip, role, scores }] },
      };
    }
    case 'review.missed':
      return { ...s, review: { ...s.review, missed: [...s.review.missed, event.data] } };
    case 'rating.set': {
      const { results, behaviour, predikat, feedback, by, at } = event.data;
      const as = event.data.as ?? 'rater';
      const capaian = event.data.capaian ? { capaian: event.data.capaian } : {};
      const basis = event.data.skpPeriods ? { skpPeriods: event.data.skpPeriods } : {};
      const rating = { results, behaviour, predikat, feedback, as, ...capaian, ...basis, by, at };
      return { ...s, rating, ratingMissed: false };
    }
    case 'rating.missed':
      return { ...s, ratingMissed: true };
    case 'rating.escalated':
      return { ...s, ratingEscalatedTo: event.data.to };
    case 'rating.released':
      return { ...s, release: { at: event.data.at, objectionDeadline: event.data.objectionDeadline } };
    case 'feedback.acknowledged':
      return { ...s, feedbackAcknowledgedAt: event.data.at };
    case 'objection.filed':
      return {
        ...s,
        objection: { filedAt: event.data.at, decidedAt: null, decision: null, reasons: event.data.reasons },
      };
    case 'objection.explanationRequested': {
      if (!s.objection) return s;
      const { from, nip, question, dueAt, by, at } = event.data;
      const asked: ObjectionExplanation = { from, nip, question, dueAt, askedBy: by, askedAt: at };
      const explanations = [...(s.objection.explanations ?? []), asked];
      return { ...s, objection: { ...s.objection, explanations } };
    }
    case 'objection.explained':
    case 'objection.explanationMissed': {
      if (!s.objection) return s;
      const d = event.data;
      const outcome =
        event.type === 'objection.explained'
          ? { explanation: event.data.explanation, answeredBy: event.data.by, answeredAt: event.data.at }
          : { missed: true };
      const explanations = (s.objection.explanations ?? []).map((e) =>
        e.from === d.from && !e.answeredAt && !e.missed ? { ...e, ...outcome } : e,
      );
      return { ...s, objection: { ...s.objection, explanations } };
    }
    case 'objection.decided': {
      const { results, behaviour, predikat, decision, at } = event.data;
      const set = s.rating ?? { feedback: '', as: 'rater' as const, by: event.data.by, at };
      const { feedback, as, by } = set;
      const heard = {
        decisionReason: event.data.reason,
        decidedBy: event.data.by,
        previousPredikat: event.data.previousPredikat,
        ...(event.data.delegate ? { delegate: event.data.delegate } : {}),
      };
      return {
        ...s,
        rating: {
          results,
          behaviour,
          predikat,
          feedback,
          as,
          ...(s.rating?.skpPeriods ? { skpPeriods: s.rating.skpPeriods } : {}),
          by,
          at: set.at,
        },
        objection: {
          ...(s.objection ?? { filedAt: at }),
          filedAt: s.objection?.filedAt ?? at,
          decidedAt: at,
          decision,
          ...heard,
        },
      };
    }
    case 'referral.created':
      return {
        ...s,
        referral: { createdAt: event.data.at, programme: null, completedAt: null, lapsed: false },
      };
    case 'referral.programmeAssigned':
      return s.referral ? { ...s, referral: { ...s.referral, programme: event.data.programme } } : s;
    case 'referral.completed':
      return s.referral ? { ...s, referral: { ...s.referral, completedAt: event.data.at } } : s;
    case 'referral.lapsed':
      return s.referral ? { ...s, referral: { ...s.referral, lapsed: true } } : s;
    case 'recognition.recorded':
      return { ...s, recognised: true };
    case 'guidance.recorded': {
      const { note, by, at } = event.data;
      return { ...s, guidance: { note, by, at } };
    }
  }
}
