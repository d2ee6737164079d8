import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { deployBpmn } from '../../store/deploy';
import type { ApiContext } from '../context';
import { Deployment, ProblemSeverity, ValidationReport } from '../types/process-definition.type';
import { validateBpmn } from '../../bpmn/compile';
import type { Problem } from '../../errors';
import { problemUserMessage } from '../problem-message';
import type { BpmnProblem } from '../types/process-definition.type';

@Resolver()
export class DeploymentResolver {
  @Mutation(() => Deployment, {
    description:
      'Deploys a BPMN 2.0 file. Each process whose content changed gets a new version; the same content again changes nothing.',
  })
  async deployProcess(
    @Arg('bpmnXml', () => String) bpmnXml: string,
    @Ctx() context: ApiContext,
  ): Promise<Deployment> {
    const result = await deployBpmn(context.store, bpmnXml, { now: context.now() });
    const { id, source, deployedAt } = result.deployment;
    return {
      id,
      source,
      deployedAt,
      changed: result.changed,
      definitions: result.definitions,
      warnings: result.warnings.map((warning) => bpmnProblem(warning, ProblemSeverity.WARNING)),
    };
  }

  @Query(() => ValidationReport, {
    description: 'Every problem of a BPMN file (engine rules and bpmnlint), without deploying it.',
  })
  async validateProcess(@Arg('bpmnXml', () => String) bpmnXml: string): Promise<ValidationReport> {
    const { errors, warnings } = await validateBpmn(bpmnXml);
    return {
      valid: errors.length === 0,
      problems: [
        ...errors.map((problem) => bpmnProblem(problem, ProblemSeverity.ERROR)),
        ...warnings.map((problem) => bpmnProblem(problem, ProblemSeverity.WARNING)),
      ],
    };
  }
}

function bpmnProblem(problem: Problem, severity: ProblemSeverity): BpmnProblem {
  return { ...problem, severity, userMessage: problemUserMessage(problem) };
}
