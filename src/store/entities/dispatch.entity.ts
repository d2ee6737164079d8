import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What leaves the office: a message to the citizen, or a status pushed to the portal. */
export type DispatchTopic = 'NOTIFY' | 'PORTAL';

/** The turns of a dossier a citizen is told of; the portal's rows are `STATUS` or `APPOINTMENT`. */
export type NotificationEvent =
  'RECEIVED' | 'REFUSED' | 'SUPPLEMENT' | 'PAYMENT' | 'APPOINTMENT' | 'RESULT';

/** How a citizen is told: SMS, the Zalo official account, or e-mail. */
export type NotificationChannel = 'SMS' | 'ZALO' | 'EMAIL';

/**
 * How a row ended: sent (the provider accepted it, or the portal acknowledged it), skipped (the
 * citizen opted out, or no provider is set up for the channel), or failed (its tries used up: an
 * incident is open).
 */
export type DispatchOutcome = 'SENT' | 'SKIPPED' | 'FAILED';

/**
 * The outbox (see the Dispatch migration): a row is written by a trigger on the dossier in the
 * transaction of its change, and sent after the commit by a runner that holds it a while
 * (`locked_by`, `locked_until`), never by two at once. The portal's rows of one dossier go in
 * their order (`seq`), each after the one before was acknowledged.
 */
@Entity({ name: 'dispatch' })
@Index('dispatch_pending', { synchronize: false })
@Index('dispatch_dossier', ['dossierCode', 'seq'])
export class DispatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq!: string;

  @Column({ type: 'varchar', length: 8 })
  topic!: DispatchTopic;

  @Column({ type: 'varchar', length: 16 })
  event!: NotificationEvent | 'STATUS';

  @Column({ name: 'dossier_code', type: 'varchar', length: 64 })
  dossierCode!: string;

  @Column({ name: 'received_day', type: 'date' })
  receivedDay!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  /** The dossier's status when the row was written. */
  @Column({ name: 'status_code', type: 'smallint' })
  statusCode!: number;

  /** The dossier's appointment and times when the row was written: what the portal is told. */
  @Column({ name: 'appointment_at', type: 'timestamptz', nullable: true })
  appointmentAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** When it may be tried again after a failure; null: at once. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'locked_by', type: 'varchar', length: 255, nullable: true })
  lockedBy!: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  outcome!: DispatchOutcome | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The citizen's channel: chosen at reception, then the one it was sent by. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  channel!: NotificationChannel | null;

  /** The provider's id for what it accepted (an SMS id, a Zalo message id, an e-mail's). */
  @Column({ name: 'provider_id', type: 'varchar', length: 255, nullable: true })
  providerId!: string | null;

  /** Why the last try failed or the row was skipped; never a citizen's address or number. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
