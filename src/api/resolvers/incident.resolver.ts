import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { IncidentEntity } from '../../store/entities';
import { resolveIncident, retryIncident } from '../../commands/incidents';
import { listIncidents } from '../../store/incidents';
import type { ApiContext } from '../context';
import { rangeInput } from '../inputs';
import { Incident, IncidentFilter } from '../types/incident.type';

export const toIncident = ({ instanceId, ...incident }: IncidentEntity): Incident => ({
  ...incident,
  processInstanceId: instanceId,
});

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => [Incident], { description: 'Incidents, newest first.' })
  async incidents(
    @Arg('filter', () => IncidentFilter, { nullable: true }) filter: IncidentFilter | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() context: ApiContext,
  ): Promise<Incident[]> {
    const { processInstanceId, ...rest } = filter ?? {};
    const rows = await listIncidents(
      context.store,
      { ...rest, instanceId: processInstanceId },
      rangeInput(first, 'first', 1, 500),
    );
    return rows.map(toIncident);
  }

  @Mutation(() => Incident, {
    description: 'Gives the job new tries, due now, and closes the incident.',
  })
  async retryIncident(
    @Arg('id', () => ID) id: string,
    @Arg('retries', () => Int, { defaultValue: 3 }) retries: number,
    @Ctx() context: ApiContext,
  ): Promise<Incident> {
    return toIncident(
      await retryIncident(context.store, {
        id,
        retries: rangeInput(retries, 'retries', 1, 100),
        now: context.now(),
      }),
    );
  }

  @Mutation(() => Incident, {
    description:
      'Closes the incident without retrying: its cause was dealt with another way. The job keeps no tries.',
  })
  async resolveIncident(
    @Arg('id', () => ID) id: string,
    @Ctx() context: ApiContext,
  ): Promise<Incident> {
    return toIncident(await resolveIncident(context.store, { id, now: context.now() }));
  }
}
