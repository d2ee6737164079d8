import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { HistoryEventType } from '../../engine/types';
import { ProcessInstanceEntity } from './process-instance.entity';

/**
 * Append-only record of what happened in an instance. Events are written while the instance
 * row is locked, so their ids give the order in which things happened.
 */
// Partitioned by the month it happened (see the MonthlyPartitions migration).
@Entity({ name: 'history_event' })
@Index('history_event_instance', ['instanceId', 'id'])
export class HistoryEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  @ForeignKey(() => ProcessInstanceEntity, { onDelete: 'CASCADE' })
  instanceId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 32 })
  eventType!: HistoryEventType;

  @Column({ name: 'element_id', type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ name: 'element_type', type: 'varchar', length: 64 })
  elementType!: string;

  /** When it happened: the month of its partition, hence part of the key. */
  @PrimaryColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 255, nullable: true })
  actor!: string | null;

  /** The task this event concerns, when it concerns one. */
  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  /** Why an administrator did it: a token moved, a step canceled (TOKEN_MOVED, STEP_CANCELED). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason?: string | null;
}
