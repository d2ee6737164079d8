import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { DossierOutcome } from '../../calendar/timeliness';
import type { NotificationChannel } from './dispatch.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { ProcessInstanceEntity } from './process-instance.entity';

/** How a dossier reached the office (kênh tiếp nhận). */
export type DossierChannel = 'IN_PERSON' | 'ONLINE_FULL' | 'ONLINE_PARTIAL' | 'POSTAL' | 'AT_HOME';

/**
 * How the result went back to the citizen: at the one-stop desk, by public postal service (bưu
 * chính công ích), at home, or electronically.
 */
export type ResultReturnMethod = 'AT_DESK' | 'BY_POST' | 'AT_HOME' | 'ONLINE';

/** How a resolved dossier kept its appointment. */
export type { DossierOutcome } from '../../calendar/timeliness';

/**
 * Who applied: personal data, shown to officers of the dossier only. A person (cá nhân) with
 * their identity number, or an organisation (tổ chức) with its enterprise or tax code; either may
 * come through a representative (người đại diện / người được ủy quyền).
 */
export interface Applicant {
  kind: 'INDIVIDUAL' | 'ORGANIZATION';
  name: string;
  /** A person's CCCD (12 digits) or CMND (9). */
  idNumber?: string;
  /** An organisation's enterprise code or tax code (mã số doanh nghiệp / mã số thuế). */
  taxCode?: string;
  phone?: string;
  email?: string;
  address?: string;
  representative?: Representative;
}

/** The person who came on the applicant's behalf. */
export interface Representative {
  name: string;
  idNumber: string;
  /**
   * What entitles them: the power of attorney (giấy ủy quyền) of an authorised person; absent
   * for an organisation's legal representative, who acts by their position.
   */
  authorization?: string;
  /** Their position in the organisation, or their relation to the person (e.g. "Giám đốc"). */
  role?: string;
}

/** A paper handed in (thành phần hồ sơ). */
export interface SubmittedComponent {
  name: string;
  kind: 'ORIGINAL' | 'CERTIFIED_COPY' | 'PHOTOCOPY';
  count: number;
  /** Scanned into the system at reception (số hóa). */
  digitized: boolean;
  /** Taken from an earlier dossier's digitized papers, by its code (tái sử dụng). */
  reusedFrom?: string;
}

/**
 * A dossier (hồ sơ): what a citizen applied for, under a code that is its process instance's
 * business key. Its national status code (1–10) is what the national portal is told.
 */
// Partitioned by the month of reception (see the MonthlyPartitions migration).
@Entity({ name: 'dossier' })
// Not unique: a partitioned table's unique keys must hold the month. Receptions of one
// submission are serialized instead (src/dossier/receive.ts).
@Index('dossier_submission', ['submissionId'], { where: 'submission_id IS NOT NULL' })
@Index('dossier_instance', ['instanceId'])
@Index('dossier_status', ['statusCode'])
// The overdue dossiers in progress, counted live by the metrics (see InProgressMeasures).
@Index('dossier_open_flagged', { synchronize: false })
@Index('dossier_open_passed', { synchronize: false })
// An agency's list with its filters and count, from the index alone (see DossierList).
@Index('dossier_list', { synchronize: false })
// The dossiers rated "not satisfied", for the 766 index (see the UnsatisfiedDossiers migration).
@Index('dossier_unsatisfied', { synchronize: false })
export class DossierEntity {
  /** `<agency prefix>-<yymmdd>-<sequence>`, e.g. `000.00.06.H56-260302-0001`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ name: 'agency_code', type: 'varchar', length: 64 })
  agencyCode!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  @ForeignKey(() => ProcessInstanceEntity)
  instanceId!: string;

  /** The procedure and its version. */
  @Column({ name: 'definition_id', type: 'uuid' })
  @ForeignKey(() => ProcessDefinitionEntity)
  definitionId!: string;

  /** The procedure's key and field, kept on the dossier for the metrics. */
  @Column({ name: 'procedure_key', type: 'varchar', length: 255 })
  procedureKey!: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  field!: string;

  /**
   * The office's local date of reception: the day the metrics count it under, and the month of
   * its partition, hence part of the key.
   */
  @PrimaryColumn({ name: 'received_day', type: 'date' })
  receivedDay!: string;

  @Column({ type: 'jsonb' })
  applicant!: Applicant;

  @Column({ type: 'varchar', length: 16 })
  channel!: DossierChannel;

  @Column({ type: 'jsonb' })
  components!: SubmittedComponent[];

  /** The fees due, in đồng, as the officer assessed them at reception (0: free). */
  @Column({ name: 'fee_amount', type: 'integer', default: 0 })
  feeAmount!: number;

  /** The national status code: 1 registered … 10 result returned (see src/dossier/status.ts). */
  @Column({ name: 'status_code', type: 'smallint' })
  statusCode!: number;

  /** The id an online portal gave the submission: the same one received twice is one dossier. */
  @Column({ name: 'submission_id', type: 'varchar', length: 255, nullable: true })
  submissionId!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'received_by', type: 'varchar', length: 255 })
  receivedBy!: string;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  /** How the result went back (null: not returned yet). */
  @Column({ name: 'return_method', type: 'varchar', length: 8, nullable: true })
  returnMethod!: ResultReturnMethod | null;

  /**
   * How the dossier was resolved against its appointment (paused time removed), judged when its
   * result reached the desk: EARLY (before its day), ON_TIME, LATE (after it, asked for papers
   * twice, or given a new date), or UNTIMED (its procedure sets no time). Null until then.
   */
  @Column({ type: 'varchar', length: 8, nullable: true })
  outcome!: DossierOutcome | null;

  /**
   * The process's appointment, its clock stopped or not, and its overdue mark, copied from the
   * instance after each step: the open dossiers are counted without reading their instances.
   */
  @Column({ name: 'appointment_at', type: 'timestamptz', nullable: true })
  appointmentAt!: Date | null;

  @Column({ name: 'clock_paused', type: 'boolean', default: false })
  clockPaused!: boolean;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** Late by rule whatever the clock says: asked for papers twice (Form 02), or a new date (04). */
  @Column({ name: 'late_marked', type: 'boolean', default: false })
  lateMarked!: boolean;

  /** Working minutes from reception to the result, the paused time removed. */
  @Column({ name: 'processing_minutes', type: 'integer', nullable: true })
  processingMinutes!: number | null;

  /** The result document's number, and whether it was issued electronically. */
  @Column({ name: 'result_number', type: 'varchar', length: 255, nullable: true })
  resultNumber!: string | null;

  @Column({ name: 'result_electronic', type: 'boolean', nullable: true })
  resultElectronic!: boolean | null;

  /**
   * The leader signed the result digitally at its signature step (see signed_result): once
   * returned, it counts as an electronic result in the 766 index, like `resultElectronic`.
   */
  @Column({ name: 'result_signed', type: 'boolean', default: false })
  resultSigned!: boolean;

  /** Electronic certified copies issued with the result (bản sao điện tử). */
  @Column({ name: 'electronic_copies', type: 'integer', default: 0 })
  electronicCopies!: number;

  /** Some of its fees were paid without cash (transfer, QR). */
  @Column({ name: 'paid_cashless', type: 'boolean', default: false })
  paidCashless!: boolean;

  /** The citizen's rating of how the dossier was received and handled: satisfied or not. */
  @Column({ type: 'boolean', nullable: true })
  satisfied!: boolean | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt!: Date | null;

  /** How the citizen chose to be told of each turn (null: not told). See the Dispatch migration. */
  @Column({ name: 'notify_by', type: 'varchar', length: 8, nullable: true })
  notifyBy!: NotificationChannel | null;

  /** The national portal acknowledged the dossier's latest status. */
  @Column({ name: 'portal_synced', type: 'boolean', default: false })
  portalSynced!: boolean;
}
