import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { papersOf } from '../../store/dossier-papers';
import type { DossierEntity } from '../../store/entities';
import type { ApiContext } from '../context';
import { paperPath } from '../papers-route';
import { Dossier } from '../types/dossier.type';
import { DossierPaper } from '../types/dossier-paper.type';

/** The files of a dossier's papers: seen by whoever may see the dossier. */
@Resolver(() => Dossier)
export class DossierPaperResolver {
  @FieldResolver(() => [DossierPaper], {
    description:
      "The files its papers came as, in the submission's order (an online submission's; none for papers handed in at the desk).",
  })
  async papers(
    @Root() dossier: DossierEntity,
    @Ctx() context: ApiContext,
  ): Promise<DossierPaper[]> {
    const papers = await papersOf(context.store, dossier.code);
    return papers.map((paper) => ({
      ...paper,
      downloadPath: paperPath(dossier.code, paper.position),
    }));
  }
}
