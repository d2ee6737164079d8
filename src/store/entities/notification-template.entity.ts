import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationEvent } from './dispatch.entity';

/** An administrator's wording of one notification, replacing the default. */
@Entity({ name: 'notification_template' })
export class NotificationTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  event!: NotificationEvent;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 255 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
