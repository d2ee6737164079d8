import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { diffModels, type ModelChange } from '../../bpmn/diff';
import { notFound } from '../../errors';
import { listDefinitions } from '../../store/definitions';
import type { ApiContext } from '../context';
import { optionalText } from '../inputs';
import {
  DefinitionChange,
  DossierComponent,
  dossierComponents,
  ProcessDefinition,
} from '../types/process-definition.type';
import type { ProcessDefinitionEntity } from '../../store/entities';

@Resolver(() => ProcessDefinition)
export class ProcessDefinitionResolver {
  @Query(() => [ProcessDefinition], {
    description: 'The latest version of each process, or every version of one key (newest first).',
  })
  processDefinitions(
    @Arg('key', () => String, { nullable: true }) key: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<ProcessDefinition[]> {
    return listDefinitions(context.store, optionalText(key, 'key'));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The field (lĩnh vực), e.g. civil_status.',
  })
  field(@Root() definition: ProcessDefinitionEntity): string | null {
    return definition.model.field ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The statutory time, e.g. "within the working day" or "3 working days".',
  })
  statutoryDuration(@Root() definition: ProcessDefinitionEntity): string | null {
    return definition.model.statutoryDuration ?? null;
  }

  @FieldResolver(() => [DossierComponent], {
    description: 'The papers a dossier of this procedure needs.',
  })
  components(@Root() definition: ProcessDefinitionEntity): DossierComponent[] {
    return dossierComponents(definition.model.components ?? []);
  }

  @FieldResolver(() => String, {
    description: 'The BPMN XML this version was deployed from, for modelers.',
  })
  async bpmnXml(
    @Root() definition: ProcessDefinition,
    @Ctx() context: ApiContext,
  ): Promise<string> {
    const deployment = await context.loaders.deployment.load(definition.deploymentId);
    if (!deployment) throw notFound('Deployment', definition.deploymentId);
    return deployment.bpmnXml;
  }

  @FieldResolver(() => [DefinitionChange], {
    description:
      'What changed since the previous version (none for the first): elements added, removed or changed.',
  })
  async changes(
    @Root() definition: ProcessDefinitionEntity,
    @Ctx() context: ApiContext,
  ): Promise<ModelChange[]> {
    if (definition.version === 1) return [];
    const previous = (await listDefinitions(context.store, definition.key)).find(
      (candidate) => candidate.version === definition.version - 1,
    );
    return previous ? diffModels(previous.model, definition.model) : [];
  }
}
