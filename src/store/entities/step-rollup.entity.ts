import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The completed steps (user tasks) counted by process version, element, local day of completion
 * and duration bucket (see `duration_bucket`): kept by a trigger on `task` in the transaction
 * that completes the step, so that step metrics and their p90 read a few rows a day. Each
 * connection counts into its own shard, so officers completing the same step at the same moment
 * do not queue behind one row's lock; readers sum the shards.
 */
@Entity({ name: 'step_rollup' })
export class StepRollupEntity {
  @PrimaryColumn({ name: 'definition_id', type: 'uuid' })
  definitionId!: string;

  @PrimaryColumn({ name: 'element_id', type: 'varchar', length: 255 })
  elementId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ type: 'smallint' })
  bucket!: number;

  /** The writing connection's shard (0–7): see above. */
  @PrimaryColumn({ type: 'smallint', default: 0 })
  shard!: number;

  @Column({ type: 'integer', default: 0 })
  completed!: number;

  /** Completed after their due time. */
  @Column({ type: 'integer', default: 0 })
  overdue!: number;

  @Column({ name: 'working_minutes', type: 'bigint', default: 0 })
  workingMinutes!: string;
}
