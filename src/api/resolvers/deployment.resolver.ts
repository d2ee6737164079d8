import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { deployBpmn } from '../../store/deploy';
import type { ApiContext } from '../context';
import { Deployment } from '../types/process-definition.type';

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
    const result = await deployBpmn(context.dataSource, bpmnXml, { now: context.now() });
    const { id, source, deployedAt } = result.deployment;
    return {
      id,
      source,
      deployedAt,
      changed: result.changed,
      definitions: result.definitions,
      warnings: result.warnings,
    };
  }
}
