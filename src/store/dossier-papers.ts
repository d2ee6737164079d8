import { randomUUID } from 'node:crypto';
import { DossierPaperEntity } from './entities';
import type { Store } from './store';

/** A paper's file to keep with its dossier. */
export type PaperFile = Omit<DossierPaperEntity, 'id' | 'dossierCode' | 'receivedDay'>;

/** What a list of papers shows: everything but the bytes. */
export type PaperListing = Omit<DossierPaperEntity, 'content'>;

/**
 * Keeps the files of a dossier's papers, in the reception's transaction. Each paper once (by its
 * place): a submission received again, or twice at once, writes nothing more.
 */
export async function storePapers(
  tx: Store,
  dossier: { code: string; receivedDay: string },
  papers: readonly PaperFile[],
): Promise<void> {
  if (papers.length === 0) return;
  await tx.manager
    .createQueryBuilder()
    .insert()
    .into(DossierPaperEntity)
    .values(
      papers.map((paper) => ({
        ...paper,
        id: randomUUID(),
        dossierCode: dossier.code,
        receivedDay: dossier.receivedDay,
      })),
    )
    .orIgnore()
    .execute();
}

/** A dossier's papers that came as files, in the submission's order, without their bytes. */
export function papersOf(store: Store, dossierCode: string): Promise<PaperListing[]> {
  return store.manager.getRepository(DossierPaperEntity).find({
    select: {
      id: true,
      dossierCode: true,
      receivedDay: true,
      position: true,
      name: true,
      kind: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
    },
    where: { dossierCode },
    order: { position: 'ASC' },
  });
}

/** One paper of a dossier, with its bytes; null when it has none at that place. */
export function paperOf(
  store: Store,
  dossierCode: string,
  position: number,
): Promise<DossierPaperEntity | null> {
  return store.manager.getRepository(DossierPaperEntity).findOneBy({ dossierCode, position });
}
