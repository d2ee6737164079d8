import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type {
  IncidentResolution as StoredResolution,
  IncidentStatus as StoredStatus,
} from '../../store/entities';

export const IncidentStatus = { OPEN: 'OPEN', RESOLVED: 'RESOLVED' } as const satisfies {
  [S in StoredStatus]: S;
};
export type IncidentStatus = StoredStatus;
registerEnumType(IncidentStatus, { name: 'IncidentStatus' });

export const IncidentResolution = {
  RETRIED: 'RETRIED',
  RESOLVED: 'RESOLVED',
  JOB_ENDED: 'JOB_ENDED',
} as const satisfies { [R in StoredResolution]: R };
export type IncidentResolution = StoredResolution;
registerEnumType(IncidentResolution, {
  name: 'IncidentResolution',
  valuesConfig: {
    RETRIED: { description: 'Given new tries by retryIncident.' },
    RESOLVED: { description: 'Closed by hand with resolveIncident.' },
    JOB_ENDED: { description: 'Its job ended: done by a worker, or withdrawn.' },
  },
});

@ObjectType({
  description:
    'A job that used up its tries (sự cố): it waits until someone retries or resolves it.',
})
export class Incident {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  jobId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Null for a timer start event that could not start its instance.',
  })
  processInstanceId!: string | null;

  @Field(() => String, { description: 'The timer event or service task that failed.' })
  elementId!: string;

  @Field(() => String, {
    description:
      '`timer`, `continue` (an async continuation), `start` (a timer start event), or the job type of a service task.',
  })
  jobType!: string;

  @Field(() => String, { description: 'What the last failure said.' })
  message!: string;

  @Field(() => IncidentStatus)
  status!: IncidentStatus;

  @Field(() => IncidentResolution, { nullable: true })
  resolution!: IncidentResolution | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@InputType()
export class IncidentFilter {
  @Field(() => ID, { nullable: true })
  processInstanceId?: string;

  @Field(() => IncidentStatus, { nullable: true })
  status?: IncidentStatus;

  @Field(() => String, { nullable: true })
  elementId?: string;

  @Field(() => String, { nullable: true })
  jobType?: string;
}
