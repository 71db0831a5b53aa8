// Temporal's standard history JSON (as `temporal workflow show --output json` writes it), both ways.
// historyToJSON/historyFromJSON of @temporalio/common 1.24 fail in this install with "type must be a
// Type": npm nests a separate protobufjs under common and under proto, so common's protojson rejects
// proto's reflected types. The same conversion with proto's own protobufjs (as test/support does).
import { createRequire } from 'node:module';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root.js';

export type { History };

const requireHere = createRequire(import.meta.url);
const protojson = createRequire(requireHere.resolve('@temporalio/proto'))('protobufjs/ext/protojson') as {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): History | null;
};
// @temporalio/proto is CommonJS without static named exports, so it is required rather than imported.
const proto = requireHere('@temporalio/proto') as typeof import('@temporalio/proto');
const historyType = (
  patchProtobufRoot(proto as unknown as Record<string, unknown>) as unknown as {
    lookupType(name: string): unknown;
  }
).lookupType('temporal.api.history.v1.History');

export function historyToJSON(history: History): unknown {
  return protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history));
}

export function historyFromJSON(json: unknown): History {
  const history = protojson.fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!history) throw new TypeError('not a workflow history');
  return history;
}

/** Temporal's protobuf bytes of a history, as archived (record of migration 0020). */
export function historyToBytes(history: History): Buffer {
  const type = proto.temporal.api.history.v1.History;
  return Buffer.from(type.encode(type.fromObject(history)).finish());
}

export function historyFromBytes(bytes: Uint8Array): History {
  return proto.temporal.api.history.v1.History.decode(bytes);
}
