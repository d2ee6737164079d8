import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProcessDefinitionEntity } from './process-definition.entity';

/**
 * A message or signal start event of the latest version of a process: a message (or signal) of
 * this name starts an instance there. Deploying a new version replaces the rows of its key.
 */
@Entity({ name: 'message_start' })
@Index('message_start_name', ['messageName'])
export class MessageStartEntity {
  @PrimaryColumn({ name: 'definition_id', type: 'uuid' })
  @ForeignKey(() => ProcessDefinitionEntity, { onDelete: 'CASCADE' })
  definitionId!: string;

  @PrimaryColumn({ name: 'element_id', type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ type: 'varchar', length: 255 })
  key!: string;

  /**
   * A message start, a signal start (started by every broadcast of the name), or a conditional
   * start (started by evaluateConditions when its condition holds).
   */
  @Column({ type: 'varchar', length: 16, default: 'message' })
  kind!: 'message' | 'signal' | 'conditional';

  /** The message's name, or the signal's. */
  @Column({ name: 'message_name', type: 'varchar', length: 255 })
  messageName!: string;
}
