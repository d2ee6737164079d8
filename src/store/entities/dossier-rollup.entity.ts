import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The dossiers counted by day and by month of reception and agency, at three grains: `agency` (the other
 * keys empty), `procedure` (procedure, field and channel) and `officer` (the receiving officer).
 * A trigger on `dossier` keeps it in the same transaction as every change of a dossier, from
 * one SQL function (`dossier_measures`) that the metrics also read raw dossiers with; so a
 * metrics query reads a few rows a day and agency, never the dossiers themselves.
 */
@Entity({ name: 'dossier_rollup' })
export class DossierRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  grain!: string;

  /** `day` rows, and `month` rows (under the month's first day) that a period's whole months read. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  span!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ name: 'agency_code', type: 'varchar', length: 64 })
  agencyCode!: string;

  @PrimaryColumn({ name: 'procedure_key', type: 'varchar', length: 255 })
  procedureKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  field!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  officer!: string;

  @Column({ type: 'integer', default: 0 }) received!: number;
  @Column({ type: 'integer', default: 0 }) resolved!: number;
  @Column({ type: 'integer', default: 0 }) early!: number;
  @Column({ name: 'on_time', type: 'integer', default: 0 }) onTime!: number;
  @Column({ type: 'integer', default: 0 }) late!: number;
  @Column({ type: 'integer', default: 0 }) refused!: number;
  @Column({ type: 'integer', default: 0 }) withdrawn!: number;
  @Column({ type: 'integer', default: 0 }) stopped!: number;
  @Column({ name: 'online_full', type: 'integer', default: 0 }) onlineFull!: number;
  @Column({ name: 'online_partial', type: 'integer', default: 0 }) onlinePartial!: number;
  @Column({ type: 'integer', default: 0 }) digitized!: number;
  @Column({ type: 'integer', default: 0 }) reused!: number;
  @Column({ name: 'with_fee', type: 'integer', default: 0 }) withFee!: number;
  @Column({ type: 'integer', default: 0 }) cashless!: number;
  @Column({ name: 'electronic_results', type: 'integer', default: 0 }) electronicResults!: number;
  @Column({ name: 'electronic_copies', type: 'integer', default: 0 }) electronicCopies!: number;
  @Column({ type: 'integer', default: 0 }) joint!: number;
  @Column({ type: 'integer', default: 0 }) returned!: number;
  @Column({ name: 'with_electronic_copies', type: 'integer', default: 0 })
  withElectronicCopies!: number;
  @Column({ type: 'integer', default: 0 }) unsatisfied!: number;
  /** Resolved dossiers of procedures with no statutory time: neither on time nor late. */
  @Column({ type: 'integer', default: 0 }) untimed!: number;
  /** How results went back: at the desk, by post, at home, online. */
  @Column({ name: 'returned_at_desk', type: 'integer', default: 0 }) returnedAtDesk!: number;
  @Column({ name: 'returned_by_post', type: 'integer', default: 0 }) returnedByPost!: number;
  @Column({ name: 'returned_at_home', type: 'integer', default: 0 }) returnedAtHome!: number;
  @Column({ name: 'returned_online', type: 'integer', default: 0 }) returnedOnline!: number;
  /** Resolved the day they were received ("4 tại chỗ"). */
  @Column({ name: 'resolved_same_day', type: 'integer', default: 0 }) resolvedSameDay!: number;
  /** Received at home and returned at home ("3 tại nhà"). */
  @Column({ name: 'home_round_trip', type: 'integer', default: 0 }) homeRoundTrip!: number;
  @Column({ name: 'processing_minutes', type: 'bigint', default: 0 }) processingMinutes!: string;
  /** Not finished yet, and of those, without an appointment (whether overdue depends on now). */
  @Column({ name: 'in_progress', type: 'integer', default: 0 }) inProgress!: number;
  @Column({ name: 'in_progress_untimed', type: 'integer', default: 0 }) inProgressUntimed!: number;
  /** The national portal acknowledged their latest status. */
  @Column({ type: 'integer', default: 0 }) synchronized!: number;
}
