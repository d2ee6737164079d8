import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The key our own sign-in tokens are signed with, made once and kept in the database so that
 * every server process sharing it accepts the others' tokens.
 */
@Entity({ name: 'auth_key' })
export class AuthKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name!: string;

  /** 32 random bytes, base64url. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
