import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { completeJob, failJob, fetchAndLockJobs, throwJobError } from '../../jobs/worker-jobs';
import type { InstanceJob } from '../../store/entities';
import type { ApiContext } from '../context';
import { rangeInput, requiredText, variablesInput } from '../inputs';
import { Job } from '../types/job.type';
import { ProcessInstance } from '../types/process-instance.type';

const toJob = (job: InstanceJob, variables: Job['variables'] = {}): Job => ({
  id: job.id,
  type: job.type ?? '',
  elementId: job.elementId,
  processInstanceId: job.instanceId,
  retries: job.retries,
  lockedBy: job.lockedBy,
  lockedUntil: job.lockedUntil,
  errorMessage: job.errorMessage,
  variables,
});

@Resolver()
export class JobResolver {
  @Mutation(() => [Job], {
    description: 'An external worker takes due jobs of a type and holds them for a while.',
  })
  async fetchAndLockJobs(
    @Arg('type', () => String) type: string,
    @Arg('workerId', () => String) workerId: string,
    @Arg('maxJobs', () => Int) maxJobs: number,
    @Arg('lockSeconds', () => Int) lockSeconds: number,
    @Ctx() context: ApiContext,
  ): Promise<Job[]> {
    const locked = await fetchAndLockJobs(context.store, {
      type: requiredText(type, 'type'),
      workerId: requiredText(workerId, 'workerId'),
      maxJobs: rangeInput(maxJobs, 'maxJobs', 1, 100),
      lockSeconds: rangeInput(lockSeconds, 'lockSeconds', 1, 86_400),
      now: context.now(),
    });
    return locked.map(({ job, variables }) => toJob(job, variables));
  }

  @Mutation(() => ProcessInstance, {
    description: 'The work is done: the service task completes with these variables.',
  })
  completeJob(
    @Arg('id', () => ID) id: string,
    @Arg('variables', () => GraphQLJSON, { nullable: true }) variables: unknown,
    @Arg('workerId', () => String, { nullable: true }) workerId: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstance> {
    return completeJob(context.store, {
      jobId: id,
      workerId: workerId ?? undefined,
      variables: variablesInput(variables, 'variables'),
      now: context.now(),
    });
  }

  @Mutation(() => Job, {
    description: 'The work failed: the job keeps `retries` tries and is offered again.',
  })
  async failJob(
    @Arg('id', () => ID) id: string,
    @Arg('retries', () => Int) retries: number,
    @Arg('message', () => String) message: string,
    @Arg('retryInSeconds', () => Int, { nullable: true }) retryInSeconds: number | undefined,
    @Arg('workerId', () => String, { nullable: true }) workerId: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<Job> {
    return toJob(
      await failJob(context.store, {
        jobId: id,
        workerId: workerId ?? undefined,
        retries: rangeInput(retries, 'retries', 0, 100),
        message: message.slice(0, 4000),
        retryInSeconds:
          retryInSeconds === undefined || retryInSeconds === null
            ? 0
            : rangeInput(retryInSeconds, 'retryInSeconds', 0, 86_400),
        now: context.now(),
      }),
    );
  }

  @Mutation(() => ProcessInstance, {
    description:
      'The work ended in a business failure: the BPMN error is thrown at the service task, where an error boundary event may catch it.',
  })
  throwJobError(
    @Arg('id', () => ID) id: string,
    @Arg('errorCode', () => String) errorCode: string,
    @Arg('variables', () => GraphQLJSON, { nullable: true }) variables: unknown,
    @Arg('workerId', () => String, { nullable: true }) workerId: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstance> {
    return throwJobError(context.store, {
      jobId: id,
      workerId: workerId ?? undefined,
      errorCode: requiredText(errorCode, 'errorCode'),
      variables: variablesInput(variables, 'variables'),
      now: context.now(),
    });
  }
}
