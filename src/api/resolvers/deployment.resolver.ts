import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { listDefinitions } from '../../store/definitions';
import { deployBpmn } from '../../store/deploy';
import type { ApiContext } from '../context';
import { Deployment, ProcessDefinition } from '../types/process-definition.type';

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

  @Query(() => [ProcessDefinition], {
    description: 'The latest version of each process, or every version of one key (newest first).',
  })
  processDefinitions(
    @Arg('key', () => String, { nullable: true }) key: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<ProcessDefinition[]> {
    return listDefinitions(context.dataSource, key ?? undefined);
  }
}
