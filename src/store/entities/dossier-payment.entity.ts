import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a fee was paid: cash at the desk, a bank transfer, or a QR code (online payment). */
export type PaymentMethod = 'CASH' | 'BANK_TRANSFER' | 'QR';

/** A payment of a dossier's fees (lệ phí, phí). */
@Entity({ name: 'dossier_payment' })
@Index('dossier_payment_dossier', ['dossierCode'])
@Index('dossier_payment_bank_reference', ['bankReference'], {
  unique: true,
  where: 'bank_reference IS NOT NULL',
})
export class DossierPaymentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_code', type: 'varchar', length: 64 })
  // No foreign key: the dossier's key holds its month (see the MonthlyPartitions migration).
  dossierCode!: string;

  /** In đồng. */
  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'varchar', length: 16 })
  method!: PaymentMethod;

  @Column({ name: 'paid_at', type: 'timestamptz' })
  paidAt!: Date;

  @Column({ name: 'recorded_by', type: 'varchar', length: 255 })
  recordedBy!: string;

  /** The bank's reference of a payment it notified (a VietQR transfer): one payment each. */
  @Column({ name: 'bank_reference', type: 'varchar', length: 64, nullable: true })
  bankReference?: string | null;
}
