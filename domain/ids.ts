// Every id siklus makes, each with its encoder and its decoder. The formats are frozen: Temporal's
// histories, the event log and the read models hold them, so a change here is a data migration.
//
//   cycle id        <orgId>.<year>                  bungo.2027
//   appraisal id    <cycleId>.<nip>[-<n>]           bungo.2027.198505052010011002, and for the n-th appraisal
//                                                   of a person in one cycle (one who left and came back, n >= 2)
//                                                   bungo.2027.198505052010011002-2
//   task id         <appraisalId>:<kind>[:<q>]      q: a quarter (II), an SKP version (v2), a reviewer's NIP
//   stream id       cycle-<cycleId>, appraisal-<appraisalId>
//   workflow id     cycle:<cycleId>, appraisal:<appraisalId>
//   system actor    system:<component>              instead of a NIP, for automated steps
//   web report id   web-<form key>                  the activity reports the web form adds
//   standards round <orgId>.standards-<n>           bungo.standards-1 (stream standards-…, workflow standards:…)
//   standards task  <roundId>:reviewStandard:<nip>:<positionCode>
//
// Decoders never throw: text that is not such an id gives `undefined`. An organisation id is free text
// (dots included), so ids are taken apart from the right, where the year, NIP and kind have a fixed shape.
import type { TaskKind } from './appraisal/types.ts';

export interface CycleIdParts {
  orgId: string;
  year: number;
}

export interface AppraisalIdParts {
  cycleId: string;
  nip: string;
  /** The person's n-th appraisal in the cycle, from 2 (absent: the first). */
  sequence?: number;
}

export interface TaskIdParts {
  appraisalId: string;
  /** As written in the id: check it against the task kinds before trusting it as a TaskKind. */
  kind: string;
  qualifier: string | undefined;
}

/** A cycle's own stream or workflow, or an appraisal's (with the cycle it belongs to). */
export type CycleOrAppraisal =
  | { type: 'cycle'; cycleId: string }
  | { type: 'appraisal'; appraisalId: string; cycleId: string };

const year = /^(.+)\.([1-9]\d{3})$/;
const appraisal = /^(.+)\.(\d{18})(?:-([2-9]|[1-9]\d+))?$/;
const task = /^(.+\.\d{18}(?:-(?:[2-9]|[1-9]\d+))?):([a-z][A-Za-z]*)(?::([^:]+))?$/;

// Cycles

export const cycleIdFor = (orgId: string, year: number) => `${orgId}.${year}`;

export function parseCycleId(text: string): CycleIdParts | undefined {
  const match = year.exec(text);
  return match?.[1] && match[2] ? { orgId: match[1], year: Number(match[2]) } : undefined;
}

// Appraisals

/** A person's appraisal in a cycle; with `sequence` (2 or more) their n-th there, after they came back. */
export const appraisalIdFor = (cycleId: string, nip: string, sequence?: number) =>
  sequence && sequence > 1 ? `${cycleId}.${nip}-${sequence}` : `${cycleId}.${nip}`;

/** The cycle part is not checked further: parseCycleId it when its organisation or year matters. */
export function parseAppraisalId(text: string): AppraisalIdParts | undefined {
  const match = appraisal.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const parts = { cycleId: match[1], nip: match[2] };
  return match[3] ? { ...parts, sequence: Number(match[3]) } : parts;
}

// Tasks

export const taskIdFor = (appraisalId: string, kind: TaskKind, qualifier?: string) =>
  qualifier ? `${appraisalId}:${kind}:${qualifier}` : `${appraisalId}:${kind}`;

export function parseTaskId(text: string): TaskIdParts | undefined {
  const match = task.exec(text);
  return match?.[1] && match[2] ? { appraisalId: match[1], kind: match[2], qualifier: match[3] } : undefined;
}

/** The qualifier of a task id; `undefined` when it has none or is no task id. */
export const qualifierOf = (taskId: string) => parseTaskId(taskId)?.qualifier;

/** The qualifier of the SKP tasks of one version (reviewIndicators, signAgreement): `v<version>`. */
export const versionQualifier = (version: number) => `v${version}`;

export function parseVersionQualifier(qualifier: string | undefined): number | undefined {
  const match = /^v([1-9]\d*)$/.exec(qualifier ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}

// Streams and workflows: the same two kinds, with `-` in the log and `:` in Temporal.

export const cycleStreamId = (cycleId: string) => `cycle-${cycleId}`;
export const appraisalStreamId = (appraisalId: string) => `appraisal-${appraisalId}`;
export const cycleWorkflowId = (cycleId: string) => `cycle:${cycleId}`;
export const appraisalWorkflowId = (appraisalId: string) => `appraisal:${appraisalId}`;

export const parseStreamId = (text: string) => parseOwner(text, '-');
export const parseWorkflowId = (text: string) => parseOwner(text, ':');

function parseOwner(text: string, separator: '-' | ':'): CycleOrAppraisal | undefined {
  if (text.startsWith(`cycle${separator}`)) {
    const cycleId = text.slice('cycle'.length + 1);
    return parseCycleId(cycleId) ? { type: 'cycle', cycleId } : undefined;
  }
  if (text.startsWith(`appraisal${separator}`)) {
    const appraisalId = text.slice('appraisal'.length + 1);
    const parts = parseAppraisalId(appraisalId);
    return parts ? { type: 'appraisal', appraisalId, cycleId: parts.cycleId } : undefined;
  }
  return undefined;
}

/** The appraisal id of an appraisal stream (`undefined` for a cycle's stream or other text). */
export function appraisalIdOfStream(streamId: string): string | undefined {
  const owner = parseStreamId(streamId);
  return owner?.type === 'appraisal' ? owner.appraisalId : undefined;
}

/** The cycle id of a cycle's own stream (`undefined` for an appraisal stream or other text). */
export function cycleIdOfStream(streamId: string): string | undefined {
  const owner = parseStreamId(streamId);
  return owner?.type === 'cycle' ? owner.cycleId : undefined;
}

// Selecting one cycle's ids: they all start with `<cycleId>.` (so would an organisation `bungo.2027.x`'s:
// organisation ids are not meant to look like cycle ids).

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** SQL LIKE pattern of the cycle's appraisal ids and of the ids made from them (task ids). */
export const idsOfCycleLike = (cycleId: string) => `${likeLiteral(`${cycleId}.`)}%`;

/** SQL LIKE pattern of the stream ids of the cycle's appraisals. */
export const appraisalStreamsOfCycleLike = (cycleId: string) =>
  `${likeLiteral(appraisalStreamId(`${cycleId}.`))}%`;

/** The prefix of the workflow ids of the cycle's appraisals. */
export const appraisalWorkflowsOfCyclePrefix = (cycleId: string) => appraisalWorkflowId(`${cycleId}.`);

// Actors and reports

export const systemActor = (component: string) => `system:${component}`;

/** The component of a system actor; `undefined` for a NIP. */
export function parseSystemActor(actor: string): string | undefined {
  return actor.startsWith('system:') && actor.length > 'system:'.length
    ? actor.slice('system:'.length)
    : undefined;
}

/** Report ids are the client's (they make adding a report idempotent); the web form's are `web-<key>`. */
export const webReportId = (formKey: string) => `web-${formKey}`;

export function parseWebReportId(reportId: string): string | undefined {
  return reportId.startsWith('web-') && reportId.length > 'web-'.length
    ? reportId.slice('web-'.length)
    : undefined;
}

// Standards rounds: an organisation's n-th round of drafting and publishing its positions' standards. The
// dash keeps a round id from ever reading as a cycle id (`<org>.<year>`).

export const standardsRoundIdFor = (orgId: string, n: number) => `${orgId}.standards-${n}`;

export function parseStandardsRoundId(text: string): { orgId: string; n: number } | undefined {
  const match = /^(.+)\.standards-([1-9]\d{0,8})$/.exec(text);
  return match?.[1] && match[2] ? { orgId: match[1], n: Number(match[2]) } : undefined;
}

export const standardsStreamId = (roundId: string) => `standards-${roundId}`;
export const standardsWorkflowId = (roundId: string) => `standards:${roundId}`;

/** The round id of a round's stream (`undefined` for any other stream). */
export function roundIdOfStream(streamId: string): string | undefined {
  if (!streamId.startsWith('standards-')) return undefined;
  const roundId = streamId.slice('standards-'.length);
  return parseStandardsRoundId(roundId) ? roundId : undefined;
}

/** One participant's task on one position of a round. */
export const standardsTaskIdFor = (roundId: string, nip: string, positionCode: string) =>
  `${roundId}:reviewStandard:${nip}:${positionCode}`;
