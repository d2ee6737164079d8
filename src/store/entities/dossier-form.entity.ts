import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A form issued for a dossier (Circular 03/2025/TT-VPCP: 01 receipt, 02 supplement request,
 * 03 refusal, 04 apology and extension, 05 stop notice), kept as issued: what it said then is
 * what it says when printed again.
 */
@Entity({ name: 'dossier_form' })
@Index('dossier_form_dossier', ['dossierCode', 'issuedAt'])
export class DossierFormEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_code', type: 'varchar', length: 64 })
  // No foreign key: the dossier's key holds its month (see the MonthlyPartitions migration).
  dossierCode!: string;

  /** '01' … '05'. */
  @Column({ type: 'varchar', length: 2 })
  number!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'issued_by', type: 'varchar', length: 255 })
  issuedBy!: string;

  /** What the form carries, as issued (reason, missing papers, new appointment...). */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;
}
