// The sentence of a checkpoint seal (domain/documents/seal-events.ts) in every language.
import type { SealEventType } from '../documents/seal-events.ts';
import type { Words } from './types.ts';

export const sealEventSentences: Readonly<Record<SealEventType, Words>> = {
  'seal.checkpoint': {
    id: 'Segel pemeriksaan {sequence} dibuat atas {documents} dokumen: akar {root}',
    en: 'Checkpoint seal {sequence} made over {documents} documents: root {root}',
  },
};
