import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An indicator of the 766 service index that the system cannot observe (publication on the
 * national portal, the population database), as an administrator recorded it for an agency and
 * a period: numerator over denominator.
 */
@Entity({ name: 'service_index_input' })
export class ServiceIndexInputEntity {
  @PrimaryColumn({ name: 'agency_code', type: 'varchar', length: 64 })
  agencyCode!: string;

  @PrimaryColumn({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @PrimaryColumn({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  indicator!: string;

  @Column({ type: 'integer' })
  numerator!: number;

  @Column({ type: 'integer' })
  denominator!: number;

  @Column({ name: 'recorded_by', type: 'varchar', length: 255 })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
