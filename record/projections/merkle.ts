// A Merkle tree over a seal's leaves (sha256; leaves and nodes hashed with different prefixes, so a node
// can never pass for a leaf). An odd node at the end of a level goes up unpaired.
import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const leafHash = (leaf: string) => sha256(`\u0000${leaf}`);
const nodeHash = (left: string, right: string) => sha256(`\u0001${left}${right}`);

/** One step up: the sibling's hash and on which side it sits. */
export type ProofStep = ['L' | 'R', string];

export interface MerkleTree {
  root: string;
  /** The inclusion proof of the leaf at this index of the sorted leaves. */
  proof(index: number): ProofStep[];
}

/** The tree over these leaf hashes, in this order. */
export function merkleTree(leafHashes: readonly string[]): MerkleTree {
  if (leafHashes.length === 0) throw new Error('a Merkle tree needs at least one leaf');
  const levels: string[][] = [[...leafHashes]];
  for (let level = levels[0] ?? []; level.length > 1; ) {
    const up: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as string;
      const right = level[i + 1];
      up.push(right === undefined ? left : nodeHash(left, right));
    }
    levels.push(up);
    level = up;
  }
  return {
    root: levels.at(-1)?.[0] as string,
    proof(index) {
      const steps: ProofStep[] = [];
      let i = index;
      for (const level of levels.slice(0, -1)) {
        const sibling = i % 2 === 0 ? level[i + 1] : level[i - 1];
        if (sibling !== undefined) steps.push([i % 2 === 0 ? 'R' : 'L', sibling]);
        i = Math.floor(i / 2);
      }
      return steps;
    },
  };
}

/** The root a leaf hash and its proof lead to. */
export function rootOf(leaf: string, proof: readonly ProofStep[]): string {
  return proof.reduce(
    (hash, [side, sibling]) => (side === 'L' ? nodeHash(sibling, hash) : nodeHash(hash, sibling)),
    leaf,
  );
}
