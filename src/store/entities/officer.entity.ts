import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';

/** A person who works in the engine (cán bộ): an officer of one agency. */
@Entity({ name: 'officer' })
@Index('officer_username', ['username'], { unique: true })
@Index('officer_agency', ['agencyId'])
export class OfficerEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  @ForeignKey(() => AgencyEntity, { onDelete: 'RESTRICT' })
  agencyId!: string;

  /** scrypt, `scrypt$N$r$p$salt$hash`; null for officers who sign in through the identity provider. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
