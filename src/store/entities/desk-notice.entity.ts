import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Applicant } from './dossier.entity';

/**
 * What the one-stop desk hands a citizen whose dossier it does not receive (Circular
 * 03/2025/TT-VPCP): the written guidance to complete an incomplete dossier (Form 02), or the
 * refusal of one the office cannot take (Form 03). No dossier, no code and no appointment: the
 * office records the notice and counts it, apart from the supplement requests of received
 * dossiers.
 */
@Entity({ name: 'desk_notice' })
@Index('desk_notice_agency_day', ['agencyCode', 'issuedDay'])
export class DeskNoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_code', type: 'varchar', length: 64 })
  agencyCode!: string;

  @Column({ name: 'procedure_key', type: 'varchar', length: 255 })
  procedureKey!: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  field!: string;

  /** '02' (guidance) or '03' (refusal). */
  @Column({ type: 'varchar', length: 2 })
  number!: '02' | '03';

  @Column({ type: 'jsonb' })
  applicant!: Applicant;

  /** What the notice says: the reason, and for guidance the papers to add. */
  @Column({ type: 'jsonb' })
  content!: { reason: string; missing?: string[] };

  @Column({ name: 'issued_by', type: 'varchar', length: 255 })
  issuedBy!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  /** The office's local date of issue: the day the figures count it under. */
  @Column({ name: 'issued_day', type: 'date' })
  issuedDay!: string;
}
