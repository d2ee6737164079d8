import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The resolved dossiers by day of reception, agency and processing-time bucket (see
 * `duration_bucket`), kept with `dossier_rollup` by the same trigger: the p90 processing time
 * of an agency's or a province's dossiers reads these rows, not the dossiers.
 */
@Entity({ name: 'dossier_duration_rollup' })
export class DossierDurationRollupEntity {
  /** `day` rows, and `month` rows under the month's first day. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  span!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ name: 'agency_code', type: 'varchar', length: 64 })
  agencyCode!: string;

  @PrimaryColumn({ type: 'smallint' })
  bucket!: number;

  @Column({ type: 'integer', default: 0 })
  resolved!: number;
}
