import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A body whose officers work dossiers (cơ quan): a commune, the police, social insurance... */
@Entity({ name: 'agency' })
@Index('agency_code', ['code'], { unique: true })
export class AgencyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** A short stable code, e.g. `xa-xuan-hoa`, as BPMN files name it in `tthc:agency`. */
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /**
   * What its dossier codes begin with: the national agency code, e.g. `000.00.06.H56`
   * (`<prefix>-<yymmdd>-<sequence>`); the agency's own code when it has none.
   */
  @Column({ name: 'dossier_prefix', type: 'varchar', length: 32, nullable: true })
  dossierPrefix!: string | null;

  /**
   * The agencies (by code) this one works for in joint procedures: the commune police serves its
   * commune, a social insurance office the communes of its area.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  serves!: string[];

  /**
   * The agency above it (by code): a commune's district, or its province where there is no
   * district; a district's or a department's province. None for a province. What a province's
   * ranking counts (see serviceIndexRanking); set when the agency is made.
   */
  @Column({ name: 'parent_code', type: 'varchar', length: 64, nullable: true })
  @ForeignKey(() => AgencyEntity, 'code', { onDelete: 'RESTRICT' })
  parentCode!: string | null;

  /** commune, district, province, police, social_insurance, department, ... */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The account its fees are paid to, for VietQR codes: the bank's NAPAS BIN, six digits. */
  @Column({ name: 'payee_bank_bin', type: 'varchar', length: 6, nullable: true })
  payeeBankBin?: string | null;

  @Column({ name: 'payee_account', type: 'varchar', length: 19, nullable: true })
  payeeAccount?: string | null;

  /** The account's name, as the bank holds it. */
  @Column({ name: 'payee_name', type: 'varchar', length: 255, nullable: true })
  payeeName?: string | null;
}
