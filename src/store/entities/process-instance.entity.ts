import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { InstanceState, InstanceStatus } from '../../engine/types';
import { ProcessDefinitionEntity } from './process-definition.entity';

/** A running or finished instance: the engine's state as JSON, plus what queries filter on. */
@Entity({ name: 'process_instance' })
@Index('process_instance_business_key', ['businessKey'])
@Index('process_instance_definition', ['definitionId'])
@Index('process_instance_parent', ['parentInstanceId', 'parentWaitId'])
@Index('process_instance_status_due', ['status', 'dueAt'])
// The ended instances, oldest first, as the archive takes them (see the Archive migration).
@Index('process_instance_ended', { synchronize: false })
export class ProcessInstanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'definition_id', type: 'uuid' })
  @ForeignKey(() => ProcessDefinitionEntity, { onDelete: 'RESTRICT' })
  definitionId!: string;

  /** The dossier code (mã hồ sơ) when the instance runs a dossier. */
  @Column({ name: 'business_key', type: 'varchar', length: 255, nullable: true })
  businessKey!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: InstanceStatus;

  @Column({ type: 'jsonb' })
  state!: InstanceState;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** The instance whose call activity started this one, and the wait there that holds it. */
  @Column({ name: 'parent_instance_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ProcessInstanceEntity, { onDelete: 'SET NULL' })
  parentInstanceId!: string | null;

  @Column({ name: 'parent_wait_id', type: 'integer', nullable: true })
  parentWaitId!: number | null;

  /** Not stored: how deep in a chain of call activities this instance was started, in one step. */
  callDepth?: number;

  /** How many steps have been applied: each step increments it under the row lock. */
  /**
   * The agency that received the dossier (its code): its officers work the steps that name no
   * other agency. Inherited by called instances; null when a message or timer started it.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  agency!: string | null;

  /** The appointment (hẹn trả) for a procedure with a statutory time; moved by clock pauses. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** The appointment passed while the dossier was still open. */
  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** Since when the deadline clock stands still (the citizen is supplementing papers). */
  @Column({ name: 'clock_paused_at', type: 'timestamptz', nullable: true })
  clockPausedAt!: Date | null;

  @Column({ type: 'integer' })
  revision!: number;
}
