import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last sequence number of the dossier codes of a prefix (an agency's) on a day. Taken with a row lock in the
 * reception's transaction: concurrent receptions queue, and a reception that rolls back gives
 * its number back, so the numbers have no gaps.
 */
@Entity({ name: 'dossier_sequence' })
export class DossierSequenceEntity {
  /** The codes' prefix: the agency's national code, or its own code when it has none. */
  @PrimaryColumn({ name: 'agency_code', type: 'varchar', length: 64 })
  agencyCode!: string;

  /** The office's local date, as `yymmdd`. */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  day!: string;

  @Column({ type: 'integer' })
  last!: number;
}
