import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({
  description:
    'One line of a migration plan: an element (or sequence flow) of the source version and the one of the target version it becomes. Elements not named keep their id.',
})
export class ElementMappingInput {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;
}

@ObjectType({ description: 'Why an instance cannot move to the target version.' })
export class MigrationRefusal {
  @Field(() => String, {
    description:
      'ELEMENT_REMOVED (waits at an element the target lacks, not mapped), TARGET_NOT_FOUND, KIND_CHANGED, SCOPE_CHANGED (another sub-process), MULTI_INSTANCE_CHANGED, FLOW_REMOVED (a join waits for a flow the target lacks), CLOCK_CHANGED (waits at an element that pauses the clock in one version only), JOIN_CHANGED (a join whose incoming flows differ), COMPENSATION_REMOVED (an undoable completed activity the target lacks); or the code of an error moving it (EXPRESSION_FAILED; MOVE_FAILED when the database failed midway, the cause logged).',
  })
  code!: string;

  @Field(() => String, {
    description:
      'The element of the source version where it waits; for an error moving it, the element the error names (else the process key).',
  })
  elementId!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'A running instance that cannot move, and every reason why.' })
export class RefusedInstance {
  @Field(() => ID)
  instanceId!: string;

  @Field(() => String, { nullable: true, description: 'The dossier code.' })
  businessKey!: string | null;

  @Field(() => [MigrationRefusal])
  refusals!: MigrationRefusal[];
}

@ObjectType({
  description: 'How many movable instances wait at a source element, and where they go.',
})
export class MigrationElementCount {
  @Field(() => String)
  fromElementId!: string;

  @Field(() => String)
  toElementId!: string;

  @Field(() => Int)
  instances!: number;
}

@ObjectType({
  description:
    'A dry run of a migration: what the running instances of the source version would become. Nothing is written.',
})
export class MigrationPreview {
  @Field(() => Int, { description: 'Running instances of the source version.' })
  instances!: number;

  @Field(() => Int)
  movable!: number;

  @Field(() => Int, { description: 'How many are refused (the list holds the first 1000).' })
  refusedCount!: number;

  @Field(() => [MigrationElementCount])
  byElement!: MigrationElementCount[];

  @Field(() => [RefusedInstance])
  refused!: RefusedInstance[];
}

@ObjectType({ description: 'What a migration did.' })
export class MigrationReport {
  @Field(() => Int)
  migrated!: number;

  @Field(() => Int, { description: 'Moved or ended by someone else while the migration ran.' })
  skipped!: number;

  @Field(() => Int, {
    description: 'How many stayed on the source version (the list holds the first 1000).',
  })
  refusedCount!: number;

  @Field(() => [RefusedInstance])
  refused!: RefusedInstance[];
}
