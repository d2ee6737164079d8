import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One act of deploying a BPMN file: the XML as it was sent, kept for the modeler and audit. */
@Entity({ name: 'deployment' })
export class DeploymentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Where the file came from: its path under processes/, or null when sent over the API. */
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ name: 'bpmn_xml', type: 'text' })
  bpmnXml!: string;

  /** SHA-256 of the XML: the same content deployed again creates no new version. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  @Column({ name: 'deployed_at', type: 'timestamptz' })
  deployedAt!: Date;
}
