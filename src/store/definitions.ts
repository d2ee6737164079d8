import { managerOf, type Executor } from './store';
import { notFound } from '../errors';
import { ProcessDefinitionEntity } from './entities';

/** The latest version of every key, or every version of one key (newest first). */
export async function listDefinitions(
  store: Executor,
  key?: string,
): Promise<ProcessDefinitionEntity[]> {
  const manager = managerOf(store);
  if (key !== undefined) {
    return manager
      .getRepository(ProcessDefinitionEntity)
      .find({ where: { key }, order: { version: 'DESC' } });
  }
  return manager
    .getRepository(ProcessDefinitionEntity)
    .createQueryBuilder('d')
    .distinctOn(['d.key'])
    .orderBy('d.key')
    .addOrderBy('d.version', 'DESC')
    .getMany();
}

export async function latestDefinition(
  executor: Executor,
  key: string,
): Promise<ProcessDefinitionEntity> {
  const manager = managerOf(executor);
  // The id alone, then the compiled model from the cache: starting reads no model JSON.
  const [latest] = (await manager.query(
    'SELECT id FROM process_definition WHERE key = $1 ORDER BY version DESC LIMIT 1',
    [key],
  )) as { id: string }[];
  if (!latest) throw notFound('Process definition', key, { key });
  return definitionById(manager, latest.id);
}

/**
 * Definitions never change once deployed, so their compiled models are kept in memory by id.
 * The cache is bounded: the oldest entries go first.
 */
const modelCache = new Map<string, ProcessDefinitionEntity>();
const MODEL_CACHE_SIZE = 500;

export async function definitionById(
  executor: Executor,
  id: string,
): Promise<ProcessDefinitionEntity> {
  const manager = managerOf(executor);
  const cached = modelCache.get(id);
  if (cached) return cached;
  const definition = await manager.findOneBy(ProcessDefinitionEntity, { id });
  if (!definition) throw notFound('Process definition', id);
  if (modelCache.size >= MODEL_CACHE_SIZE)
    modelCache.delete(modelCache.keys().next().value as string);
  modelCache.set(id, definition);
  return definition;
}

/** The latest deployed version of the process for a national procedure code. */
export function latestDefinitionByCode(
  store: Executor,
  procedureCode: string,
): Promise<ProcessDefinitionEntity | null> {
  return managerOf(store)
    .getRepository(ProcessDefinitionEntity)
    .findOne({ where: { procedureCode }, order: { deployedAt: 'DESC', version: 'DESC' } });
}
