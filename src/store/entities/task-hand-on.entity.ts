import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TaskEntity } from './task.entity';

/**
 * A step handed on to another agency (chuyển xử lý) before it was done: the control sheet shows
 * the stretch each agency held it, who gave it on, and why.
 */
@Entity({ name: 'task_hand_on' })
@Index('task_hand_on_task', ['taskId', 'id'])
export class TaskHandOnEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  @ForeignKey(() => TaskEntity, { onDelete: 'CASCADE' })
  taskId!: string;

  /** The agency that held the step (null: the process's own agency). */
  @Column({ name: 'from_agency', type: 'varchar', length: 255, nullable: true })
  fromAgency!: string | null;

  @Column({ name: 'to_agency', type: 'varchar', length: 255 })
  toAgency!: string;

  /** The officer who handed it on. */
  @Column({ name: 'handed_by', type: 'varchar', length: 255 })
  handedBy!: string;

  @Column({ name: 'handed_at', type: 'timestamptz' })
  handedAt!: Date;

  @Column({ type: 'text' })
  reason!: string;
}
