import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { OfficerEntity } from './officer.entity';

/** An officer away (vắng mặt) for a period a leader set: their backups cover their roles. */
@Entity({ name: 'absence' })
@Index('absence_officer_period', ['officerId', 'startsAt', 'endsAt'])
export class AbsenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  @ForeignKey(() => OfficerEntity, { onDelete: 'CASCADE' })
  officerId!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  reason!: string;

  /** The username of the leader (or admin) who set it. */
  @Column({ name: 'set_by', type: 'varchar', length: 64 })
  setBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
