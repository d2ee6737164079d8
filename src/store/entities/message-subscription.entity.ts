import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProcessInstanceEntity } from './process-instance.entity';

/**
 * An instance's open wait for a message or a signal, mirrored from its state so that
 * correlateMessage and broadcastSignal find it by name (and key) without reading every instance.
 */
@Entity({ name: 'message_subscription' })
@Index('message_subscription_lookup', ['messageName', 'correlationKey'])
export class MessageSubscriptionEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'uuid' })
  @ForeignKey(() => ProcessInstanceEntity, { onDelete: 'CASCADE' })
  instanceId!: string;

  /** The engine's id for the wait, local to the instance. */
  @PrimaryColumn({ name: 'subscription_id', type: 'integer' })
  subscriptionId!: number;

  /** `message` (one receiver, by name and key) or `signal` (every receiver, by name). */
  @Column({ type: 'varchar', length: 16, default: 'message' })
  kind!: 'message' | 'signal';

  /** The message's name, or the signal's. */
  @Column({ name: 'message_name', type: 'varchar', length: 255 })
  messageName!: string;

  @Column({ name: 'correlation_key', type: 'varchar', length: 255, nullable: true })
  correlationKey!: string | null;

  @Column({ name: 'element_id', type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
