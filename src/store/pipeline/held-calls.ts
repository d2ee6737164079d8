import { randomUUID } from 'node:crypto';
import { JobEntity, type ProcessInstanceEntity } from '../entities';
import { openIncident } from '../incidents';
import type { Store } from '../store';
import type { FollowUp } from './plan/write-plan';

/**
 * A call activity reached a process that is not deployed (or not that version). Refusing the
 * step would leave the officer who completed the task before it with an error they cannot act
 * on; instead the call is held as a job without tries and an incident says what is missing.
 * Once the process is deployed, retrying the incident makes the call (src/jobs/timers.ts).
 */
export async function holdCall(
  tx: Store,
  parent: ProcessInstanceEntity,
  call: Extract<FollowUp, { type: 'START_CHILD' }>,
  now: Date,
): Promise<void> {
  const job: JobEntity = {
    id: randomUUID(),
    instanceId: parent.id,
    definitionId: null,
    waitId: call.waitId,
    kind: 'call',
    type: null,
    elementId: call.elementId,
    dueAt: now,
    retries: 0,
    repeat: null,
    payload: {
      call: {
        elementId: call.elementId,
        processKey: call.processKey,
        ...(call.version !== undefined && { version: call.version }),
        variables: call.variables,
        businessKey: call.businessKey,
      },
    },
    lockedBy: null,
    lockedUntil: null,
    errorMessage: null,
    createdAt: now,
  };
  await tx.manager.insert(JobEntity, job);
  const which =
    call.version === undefined
      ? `'${call.processKey}'`
      : `'${call.processKey}' version ${call.version}`;
  await openIncident(
    tx,
    job,
    `CALLED_PROCESS_MISSING: call activity '${call.elementId}' calls the process ${which}, which is not deployed: deploy it, then retry this incident`,
    now,
  );
}

/** The call a held job makes, as the step that reached the call activity asked for it. */
export function heldCall(job: JobEntity): Extract<FollowUp, { type: 'START_CHILD' }> | undefined {
  if (!job.payload || !('call' in job.payload)) return undefined;
  const { call } = job.payload;
  return {
    type: 'START_CHILD',
    waitId: job.waitId,
    elementId: call.elementId,
    processKey: call.processKey,
    ...(call.version !== undefined && { version: call.version }),
    variables: call.variables as Record<string, never>,
    businessKey: call.businessKey,
  };
}
