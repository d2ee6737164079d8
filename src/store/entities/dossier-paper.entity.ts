import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SubmittedComponent } from './dossier.entity';

/**
 * A paper's file, as an online submission (hồ sơ trực tuyến) carried it: written with the
 * dossier's reception, in its transaction, and never changed. The dossier's components list the
 * papers; this holds the bytes of those that came as files, for the officers to read.
 */
@Entity({ name: 'dossier_paper' })
// Each paper once: a submission received again finds its papers there already.
@Index('dossier_paper_position', ['dossierCode', 'position'], { unique: true })
export class DossierPaperEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_code', type: 'varchar', length: 64 })
  // No foreign key: the dossier's key holds its month (see the MonthlyPartitions migration).
  dossierCode!: string;

  /** The dossier's day of reception: the month of its partition. */
  @Column({ name: 'received_day', type: 'date' })
  receivedDay!: string;

  /** Its place among the submission's papers, from 0. */
  @Column({ type: 'smallint' })
  position!: number;

  /** The component (thành phần hồ sơ) it is, as the procedure names it. */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: SubmittedComponent['kind'];

  /** The file's name as the citizen uploaded it, if the portal said. */
  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType!: string;

  /** In bytes. */
  @Column({ type: 'integer' })
  size!: number;

  /** The hex SHA-256 of the bytes. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
