import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { validateDmn } from '../../bpmn/dmn/compile-dmn';
import { decisionVersions, deployDmn } from '../../store/decisions';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import { problemUserMessage } from '../problem-message';
import { DecisionDefinition, DecisionDeploymentResult } from '../types/decision-definition.type';
import { ProblemSeverity, ValidationReport } from '../types/process-definition.type';

@Resolver()
export class DecisionResolver {
  @Mutation(() => DecisionDeploymentResult, {
    description:
      'Deploys a DMN 1.3 file. Each decision whose content changed gets a new version; business rule tasks evaluate the latest.',
  })
  async deployDecision(
    @Arg('dmnXml', () => String) dmnXml: string,
    @Ctx() context: ApiContext,
  ): Promise<DecisionDeploymentResult> {
    const result = await deployDmn(context.store, dmnXml, { now: context.now() });
    return {
      changed: result.changed,
      decisions: result.decisions,
      warnings: result.warnings.map((w) => ({
        ...w,
        severity: ProblemSeverity.WARNING,
        userMessage: problemUserMessage(w),
      })),
    };
  }

  @Query(() => ValidationReport, {
    description: 'Every problem of a DMN file, without deploying it.',
  })
  async validateDecision(@Arg('dmnXml', () => String) dmnXml: string): Promise<ValidationReport> {
    const { errors, warnings } = await validateDmn(dmnXml);
    const problem = (severity: ProblemSeverity) => (p: (typeof errors)[number]) => ({
      ...p,
      severity,
      userMessage: problemUserMessage(p),
    });
    return {
      valid: errors.length === 0,
      problems: [
        ...errors.map(problem(ProblemSeverity.ERROR)),
        ...warnings.map(problem(ProblemSeverity.WARNING)),
      ],
    };
  }

  @Query(() => [DecisionDefinition], {
    description: 'The versions of a decision, the latest first.',
  })
  async decisionDefinitions(
    @Arg('key', () => String) key: string,
    @Ctx() context: ApiContext,
  ): Promise<DecisionDefinition[]> {
    return decisionVersions(context.store, requiredText(key, 'key'));
  }
}
