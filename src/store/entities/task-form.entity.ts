import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FormSchema } from '../../bpmn/step-form-schema';

/**
 * One deployed version of a task form (biểu mẫu nhập liệu): a form-js schema that a user task
 * names by its id (`tthc:form`, `camunda:formKey`, Zeebe `formId`). Versions are kept so a task
 * shows the form that was current when it was created.
 */
@Entity({ name: 'task_form' })
@Index('task_form_id_version', ['formId', 'version'], { unique: true })
export class TaskFormEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The schema's own `id`, shared by all its versions. */
  @Column({ name: 'form_id', type: 'varchar', length: 255 })
  formId!: string;

  @Column({ type: 'int' })
  version!: number;

  /** The schema as deployed, parsed. */
  @Column({ type: 'jsonb' })
  schema!: FormSchema;

  /** SHA-256 of the file: the same content deployed again creates no new version. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  /** Its path under processes/, or null when sent over the API. */
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ name: 'deployed_at', type: 'timestamptz' })
  deployedAt!: Date;
}
