import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProcessInstanceEntity } from './process-instance.entity';

export type IncidentStatus = 'OPEN' | 'RESOLVED';

/**
 * How an incident was closed: retried with new tries, resolved by hand, or its job ended
 * (completed by a worker, or withdrawn when the instance moved on or was canceled).
 */
export type IncidentResolution = 'RETRIED' | 'RESOLVED' | 'JOB_ENDED';

/**
 * A job that used up its tries: it waits, and someone must look. Opened by the last failure,
 * closed by `retryIncident`, `resolveIncident`, or the job ending.
 */
@Entity({ name: 'incident' })
@Index('incident_status', ['status', 'createdAt'])
@Index('incident_job', ['jobId'])
export class IncidentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The job that failed; kept after the job is gone, for the record. */
  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  /** Null for a timer start event that could not start its instance. */
  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ProcessInstanceEntity, { onDelete: 'CASCADE' })
  instanceId!: string | null;

  @Column({ name: 'element_id', type: 'varchar', length: 255 })
  elementId!: string;

  /** `timer`, or the job type of a service task. */
  @Column({ name: 'job_type', type: 'varchar', length: 255 })
  jobType!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: IncidentStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution!: IncidentResolution | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
