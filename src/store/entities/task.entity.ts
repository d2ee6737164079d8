import { Column, Entity, ForeignKey, Generated, Index, PrimaryColumn } from 'typeorm';
import { ProcessInstanceEntity } from './process-instance.entity';

export type TaskState = 'OPEN' | 'CLAIMED' | 'COMPLETED' | 'CANCELED';

/** The inbox projection of a waiting user task, written from the engine's effects. */
@Entity({ name: 'task' })
@Index('task_instance_wait', ['instanceId', 'waitId'], { unique: true })
@Index('task_state_seq', ['state', 'seq'])
@Index('task_state_due', ['state', 'dueAt'])
@Index('task_candidate_groups', { synchronize: false })
@Index('task_inbox', { synchronize: false })
@Index('task_held', { synchronize: false })
@Index('task_active_owner', { synchronize: false })
@Index('task_overdue_owner', { synchronize: false })
@Index('task_active_unowned', { synchronize: false })
@Index('task_overdue_unowned', { synchronize: false })
export class TaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Creation order: the inbox's order and its pagination cursor. */
  @Column({ type: 'bigint', unique: true })
  @Generated('increment')
  seq!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  @ForeignKey(() => ProcessInstanceEntity, { onDelete: 'CASCADE' })
  instanceId!: string;

  /** The engine's id for the token waiting at this task, local to the instance. */
  @Column({ name: 'wait_id', type: 'integer' })
  waitId!: number;

  @Column({ name: 'element_id', type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'candidate_groups', type: 'text', array: true })
  candidateGroups!: string[];

  /** Officers who may take the task by name, besides its roles. */
  @Column({ name: 'candidate_users', type: 'text', array: true, default: () => "'{}'" })
  candidateUsers!: string[];

  @Column({ type: 'varchar', length: 255, nullable: true })
  assignee!: string | null;

  @Column({ name: 'form_key', type: 'varchar', length: 255, nullable: true })
  formKey!: string | null;

  /** The agency (cơ quan) whose officers do the step, in joint procedures. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  agency!: string | null;

  /**
   * Who the open task is offered to, as keys an officer's own keys meet (`agency:role`,
   * `agency:*` for a step naming no one, `user:name`; `*` for an agency when the dossier has
   * none). Kept by a trigger from the groups, users and agency, so the inbox finds an officer's
   * tasks through one index however many tasks are open. Never read by the code.
   */
  @Column({
    name: 'inbox_keys',
    type: 'text',
    array: true,
    default: () => "'{}'",
    select: false,
    insert: false,
    update: false,
  })
  inboxKeys!: string[];

  /**
   * The agency whose officers the task is for: its step's, else the one that received the
   * dossier; null for any agency. Written by the inbox keys' trigger; what `tasks` reaches by.
   */
  @Column({
    name: 'owner_agency',
    type: 'varchar',
    length: 255,
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  ownerAgency!: string | null;

  /** A step that signs the result (ký duyệt): only leaders complete it. */
  @Column({ name: 'needs_signature', type: 'boolean', default: false })
  needsSignature!: boolean;

  @Column({ type: 'varchar', length: 16 })
  state!: TaskState;

  /** When the step is due, from its budget; moved by clock pauses. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'varchar', length: 255, nullable: true })
  completedBy!: string | null;

  /** Working minutes from when the task opened to its completion (the step metrics). */
  @Column({ name: 'working_minutes', type: 'integer', nullable: true })
  workingMinutes!: number | null;
}
