import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DecisionModel } from '../../bpmn/dmn/decision-model';

/**
 * One version of a DMN decision, with its compiled model: business rule tasks evaluate the
 * latest version of the decision they name (or the version they pin) when a token reaches them.
 */
@Entity({ name: 'decision_definition' })
@Index('decision_definition_key_version', ['key', 'version'], { unique: true })
export class DecisionDefinitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The decision's id in the DMN file. */
  @Column({ type: 'varchar', length: 255 })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'jsonb' })
  model!: DecisionModel;

  /** The file it came from, as deployed: what the designer may open again. */
  @Column({ name: 'dmn_xml', type: 'text' })
  dmnXml!: string;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ name: 'deployed_at', type: 'timestamptz' })
  deployedAt!: Date;
}
