import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { OfficerEntity } from './officer.entity';

export type MembershipKind = 'official' | 'backup';

/**
 * An officer's role in their agency (vai trò): as an official member, or as a backup who takes
 * the role's tasks while an official member is away.
 */
@Entity({ name: 'role_membership' })
export class RoleMembershipEntity {
  @PrimaryColumn({ name: 'officer_id', type: 'uuid' })
  @ForeignKey(() => OfficerEntity, { onDelete: 'CASCADE' })
  officerId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  role!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MembershipKind;
}
