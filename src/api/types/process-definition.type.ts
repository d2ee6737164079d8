import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DossierComponent as ModelComponent } from '../../bpmn/model';
import { ComponentKind } from './dossier.type';

@ObjectType({ description: 'One deployed version of a procedure (thủ tục) process.' })
export class ProcessDefinition {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The BPMN process id, shared by all versions.' })
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'National procedure code (mã thủ tục), e.g. 1.001193.',
  })
  procedureCode!: string | null;

  @Field(() => ID)
  deploymentId!: string;

  @Field(() => Date)
  deployedAt!: Date;
}

@ObjectType({ description: 'A paper (thành phần hồ sơ) a dossier of the procedure needs.' })
export class DossierComponent {
  @Field(() => String)
  name!: string;

  @Field(() => ComponentKind, { description: 'The kind receiveDossier takes for it.' })
  kind!: keyof typeof ComponentKind;

  @Field(() => Int)
  count!: number;

  @Field(() => Boolean)
  optional!: boolean;
}

/** A procedure's papers as the API tells them: each kind as the enum reception takes. */
export function dossierComponents(components: readonly ModelComponent[]): DossierComponent[] {
  return components.map((component) => ({
    ...component,
    kind: ComponentKind[component.kind.toUpperCase() as keyof typeof ComponentKind],
  }));
}

export const ProblemSeverity = { ERROR: 'ERROR', WARNING: 'WARNING' } as const;
export type ProblemSeverity = (typeof ProblemSeverity)[keyof typeof ProblemSeverity];
registerEnumType(ProblemSeverity, { name: 'ProblemSeverity' });

@ObjectType({
  description: 'A problem found in a BPMN file: an error stops its deployment, a warning does not.',
})
export class BpmnProblem {
  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'The BPMN element it concerns.' })
  elementId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The rule that found it: engine/... for the engine, bpmnlint/... for bpmnlint.',
  })
  rule?: string;

  @Field(() => ProblemSeverity)
  severity!: ProblemSeverity;

  @Field(() => String, { description: 'What it means for the designer, in Vietnamese.' })
  userMessage!: string;
}

@ObjectType({ description: 'Every problem of a BPMN file, without deploying it.' })
export class ValidationReport {
  @Field(() => Boolean, { description: 'True when nothing stops the file from being deployed.' })
  valid!: boolean;

  @Field(() => [BpmnProblem], { description: 'Errors first, then warnings.' })
  problems!: BpmnProblem[];
}

@ObjectType()
export class Deployment {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The file path under processes/, or null when sent over the API.',
  })
  source!: string | null;

  @Field(() => Date)
  deployedAt!: Date;

  @Field(() => Boolean, {
    description:
      'False when every process in the file was already deployed with this exact content: no new version.',
  })
  changed!: boolean;

  @Field(() => [ProcessDefinition])
  definitions!: ProcessDefinition[];

  @Field(() => [BpmnProblem])
  warnings!: BpmnProblem[];
}

@ObjectType({ description: 'An element that differs from the previous version.' })
export class DefinitionChange {
  @Field(() => String) elementId!: string;
  @Field(() => String, { description: 'ADDED, REMOVED or CHANGED.' }) change!: string;
  @Field(() => String, {
    description: "The element's type, sequenceFlow, or process for the procedure's own data.",
  })
  kind!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}
