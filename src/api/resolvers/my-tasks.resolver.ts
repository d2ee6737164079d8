import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { asActor } from '../../auth/principal';
import { AppError } from '../../errors';
import { officeCalendar } from '../../store/calendars';
import { queryMyTasks } from '../../store/my-tasks';
import type { ApiContext } from '../context';
import { decodeCursor, encodeCursor, optionalText, rangeInput } from '../inputs';
import { MyTaskConnection, MyTaskFilter } from '../types/my-tasks.type';
import { signedIn } from './officer.resolver';

/** The inbox's order: due time (none last), then arrival. */
const encode = (dueAt: Date | null, seq: string) =>
  encodeCursor(`${dueAt?.toISOString() ?? 'infinity'}|${seq}`);
const INBOX_CURSOR = /^(infinity|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(\d{1,18})$/;

function decode(cursor: string): { dueAt: string; seq: string } {
  const [dueAt, seq] = decodeCursor(cursor, INBOX_CURSOR);
  return { dueAt, seq };
}

@Resolver()
export class MyTasksResolver {
  @Query(() => MyTaskConnection, {
    description:
      'The tasks I can act on: open ones of my roles in my agency (or offered to me by name) and those I hold, soonest due first, with counts.',
  })
  async myTasks(
    @Arg('filter', () => MyTaskFilter, { nullable: true }) filter: MyTaskFilter | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<MyTaskConnection> {
    const me = signedIn(context);
    if (filter?.state && filter.state !== 'OPEN' && filter.state !== 'CLAIMED') {
      throw new AppError('BAD_USER_INPUT', "'filter.state' must be OPEN or CLAIMED", {
        field: 'filter.state',
      });
    }
    const calendar = await officeCalendar(context.store);
    const page = await queryMyTasks(
      context.store,
      asActor(me),
      {
        state: filter?.state as 'OPEN' | 'CLAIMED' | undefined,
        overdue: filter?.overdue ?? undefined,
        dueToday: filter?.dueToday ?? undefined,
        claimedByMe: filter?.claimedByMe ?? undefined,
        search: optionalText(filter?.search, 'filter.search'),
        procedureKey: optionalText(filter?.procedureKey, 'filter.procedureKey'),
      },
      {
        first: rangeInput(first, 'first', 1, 100),
        after: after ? decode(after) : undefined,
        endOfToday: new Date(calendar.endOfDay(context.now().toISOString())),
      },
    );
    const edges = page.tasks.map((task) => ({ cursor: encode(task.dueAt, task.seq), node: task }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: page.totalCount,
      counts: page.counts,
    };
  }
}
