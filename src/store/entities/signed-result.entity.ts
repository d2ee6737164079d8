import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A dossier's result as the leader signed it at a `tthc:signature` step (kết quả điện tử có
 * chữ ký số): the PDF with its PAdES signature, kept as signed. The signature is verified each
 * time it is shown; who signed and when are kept as well, to list them without the PDF.
 */
@Entity({ name: 'signed_result' })
@Index('signed_result_dossier', ['dossierCode', 'signedAt'])
@Index('signed_result_task', ['taskId'], { unique: true })
export class SignedResultEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_code', type: 'varchar', length: 64 })
  dossierCode!: string;

  /** The signature step's task: one signed result each. */
  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  /** The leader's username, whose certificate signed it. */
  @Column({ name: 'signed_by', type: 'varchar', length: 255 })
  signedBy!: string;

  /** The common name (CN) of the certificate that signed it. */
  @Column({ name: 'signer_name', type: 'varchar', length: 255 })
  signerName!: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;

  /** The signed PDF, byte for byte. */
  @Column({ type: 'bytea' })
  pdf!: Buffer;
}
