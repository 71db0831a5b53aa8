// The task kinds a standards round gives people (named in domain/vocabulary/standards.ts). This module
// imports nothing, so the vocabulary's types can take the list from it.
export const standardsTaskKinds = ['reviewStandard'] as const;
export type StandardsTaskKind = (typeof standardsTaskKinds)[number];
