import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ProcessModel } from '../../bpmn/model';
import { DeploymentEntity } from './deployment.entity';

/** One version of a process, with its compiled model so that running it never parses XML. */
@Entity({ name: 'process_definition' })
@Index('process_definition_key_version', ['key', 'version'], { unique: true })
export class ProcessDefinitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'procedure_code', type: 'varchar', length: 64, nullable: true })
  procedureCode!: string | null;

  @Column({ name: 'deployment_id', type: 'uuid' })
  @ForeignKey(() => DeploymentEntity, { onDelete: 'RESTRICT' })
  deploymentId!: string;

  @Column({ type: 'jsonb' })
  model!: ProcessModel;

  @Column({ name: 'deployed_at', type: 'timestamptz' })
  deployedAt!: Date;
}
