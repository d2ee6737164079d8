import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One deployed calendar file: the office's hours (`office`) or a year's official table (`2026`).
 * Every server process sharing the database counts working time with the same calendar.
 */
@Entity({ name: 'calendar_table' })
export class CalendarTableEntity {
  /** `office`, the year, or `reception.<agency code>`. */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'jsonb' })
  content!: object;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  /** The file it came from, when deployed from one. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  source!: string | null;

  @Column({ name: 'deployed_at', type: 'timestamptz' })
  deployedAt!: Date;
}
