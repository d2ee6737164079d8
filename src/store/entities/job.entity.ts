import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { ProcessInstanceEntity } from './process-instance.entity';

/**
 * A timer of an instance, a service task's job, an async continuation, a timer start event of a
 * process, a message a step sent (the outbox: delivered once, even if the sender's server
 * dies after its commit), or a call activity whose process is not deployed yet (`call`: held
 * with an incident until someone deploys it and retries).
 */
export type JobKind = 'timer' | 'task' | 'continue' | 'start' | 'message' | 'call';

export interface MessagePayload {
  /** A signal's broadcast rather than a message: `messageName` is the signal's name. */
  signal?: true;
  messageName: string;
  correlationKey: string | null;
  /** The sender's variables (JSON). */
  variables: object;
  /** The instance that sent it. */
  from: string;
  /** How many messages, each caused by the one before, led to this one. */
  hops?: number;
}

/** A call activity's start of another process, waiting for that process to be deployed. */
export interface CallPayload {
  call: {
    elementId: string;
    processKey: string;
    version?: number;
    variables: object;
    businessKey: string | null;
  };
}

/**
 * Work due at a time: a timer to fire, or a service task's job for a handler or an external
 * worker. A job is consumed in the same transaction as the step it causes, so its effect lands
 * once. A worker holds it for a while (`locked_by`, `locked_until`) while it works.
 */
@Entity({ name: 'job' })
@Index('job_instance_wait', ['instanceId', 'waitId'], { unique: true })
@Index('job_due', ['kind', 'dueAt'])
@Index('job_type_due', ['type', 'dueAt'])
export class JobEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The instance it belongs to; null for a timer start event, which starts one. */
  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ProcessInstanceEntity, { onDelete: 'CASCADE' })
  instanceId!: string | null;

  /** For a timer start event: the process version it starts. */
  @Column({ name: 'definition_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ProcessDefinitionEntity, { onDelete: 'CASCADE' })
  definitionId!: string | null;

  /** For a message or a signal: what to deliver; for a held call: the call to make. */
  @Column({ type: 'jsonb', nullable: true })
  payload!: MessagePayload | CallPayload | null;

  /**
   * For a timer start event with a cycle: the interval, how many more times (null: for ever), and
   * the beat it is due on (its due time may be later, when a failed firing is retried).
   */
  @Column({ type: 'jsonb', nullable: true })
  repeat!: { interval: string; remaining: number | null; beat?: string } | null;

  /** The engine's id for the timer or the task's token, local to the instance. */
  @Column({ name: 'wait_id', type: 'integer' })
  waitId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: JobKind;

  /** The job type a handler or worker takes; null for timers. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  type!: string | null;

  @Column({ name: 'element_id', type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'integer' })
  retries!: number;

  @Column({ name: 'locked_by', type: 'varchar', length: 255, nullable: true })
  lockedBy!: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A job of an instance: a timer or a service task's job (not a timer start event). */
export type InstanceJob = JobEntity & { instanceId: string };

export function isInstanceJob(job: JobEntity): job is InstanceJob {
  return job.instanceId !== null;
}
