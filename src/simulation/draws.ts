import { Random } from './random';

/** A 32-bit FNV-1a hash of the parts: a seed of its own for each thing a dossier draws. */
export function hashOf(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * What each dossier draws, by the dossier and not by the order events come in: the work of its
 * n-th visit to a step from a source seeded by (seed, dossier, step, n), its gateways' ways
 * from a stream of its own. Two scenarios with the same seed then meet the same dossiers: the
 * same arrivals, the same work at each step they share, the same ways out of each gateway (as
 * long as the dossier's commands come in the same order).
 */
export class DossierDraws {
  private readonly visits = new Map<string, number>();
  private readonly branches = new Map<number, Random>();

  constructor(private readonly seed: number) {}

  /** One of the values, for the dossier's next visit to the step. */
  work<T>(dossier: number, elementId: string, values: readonly T[]): T {
    const key = `${dossier}\u0000${elementId}`;
    const visit = (this.visits.get(key) ?? 0) + 1;
    this.visits.set(key, visit);
    return new Random(hashOf(this.seed, 'work', dossier, elementId, visit)).pick(values);
  }

  /** The dossier's own stream of gateway draws. */
  branchesOf(dossier: number): Random {
    let random = this.branches.get(dossier);
    if (!random) {
      random = new Random(hashOf(this.seed, 'branches', dossier));
      this.branches.set(dossier, random);
    }
    return random;
  }
}
