import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProcessInstanceEntity } from './process-instance.entity';

export type JobKind = 'timer' | 'task';

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

  @Column({ name: 'instance_id', type: 'uuid' })
  @ForeignKey(() => ProcessInstanceEntity, { onDelete: 'CASCADE' })
  instanceId!: string;

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
