import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One mutation, whatever its outcome: who, when, on what, and how it ended (nhật ký kiểm tra). */
@Entity({ name: 'audit_event' })
@Index('audit_event_at', ['at'])
@Index('audit_event_actor', ['actor', 'at'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The officer's username; null when nobody was signed in. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  actor!: string | null;

  /** The mutation, e.g. `completeTask`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** What it was about: an id, a key, a username. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  target!: string | null;

  /** The reason the mutation gave (moveToken, cancelStep, handOnTask, …), when it gave one. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** `OK`, or the error code that refused it. */
  @Column({ type: 'varchar', length: 64 })
  outcome!: string;
}
