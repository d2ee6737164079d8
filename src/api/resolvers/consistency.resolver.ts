import { Ctx, Query, Resolver } from 'type-graphql';
import { checkConsistency } from '../../store/consistency';
import type { ApiContext } from '../context';
import { ConsistencyReport } from '../types/consistency.type';

@Resolver()
export class ConsistencyResolver {
  @Query(() => ConsistencyReport, {
    description:
      'Checks that every instance agrees with its tasks, jobs, message waits and children, every dossier with its process, and the rollups with what they count (administrators; also `npm run check:consistency`).',
  })
  consistencyReport(@Ctx() context: ApiContext): Promise<ConsistencyReport> {
    return checkConsistency(context.store);
  }
}
