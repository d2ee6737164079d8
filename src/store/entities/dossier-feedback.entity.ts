import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A citizen's feedback on a dossier (phản ánh, kiến nghị — PAKN), to be answered within 15
 * working days.
 */
@Entity({ name: 'dossier_feedback' })
@Index('dossier_feedback_dossier', ['dossierCode'])
export class DossierFeedbackEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_code', type: 'varchar', length: 64 })
  // No foreign key: the dossier's key holds its month (see the MonthlyPartitions migration).
  dossierCode!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  /** Fifteen working days after it came. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 255, nullable: true })
  answeredBy!: string | null;
}
