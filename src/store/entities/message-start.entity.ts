import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ProcessDefinitionEntity } from './process-definition.entity';

/**
 * A message start event of the latest version of a process: a message of this name starts an
 * instance there. Deploying a new version replaces the rows of its key.
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

  @Column({ name: 'message_name', type: 'varchar', length: 255 })
  messageName!: string;
}
