import { lockName } from './sql';
import type { Store } from './store';
import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { parseFormSchema } from '../bpmn/step-form-schema';
import { TaskFormEntity } from './entities';

export interface TaskFormDeployment {
  form: TaskFormEntity;
  /** False when the latest version already had exactly this content. */
  changed: boolean;
}

/**
 * Deploys a form-js file as the next version of the form its `id` names; the same content again
 * changes nothing. The file is checked before anything is written.
 */
export async function deployTaskForm(
  store: Store,
  text: string,
  options: { source?: string; now: Date },
): Promise<TaskFormDeployment> {
  const schema = parseFormSchema(text);
  const contentHash = createHash('sha256').update(text).digest('hex');
  return store.transaction(async ({ manager }) => {
    // One deployment of a form at a time keeps its versions gap-free.
    await lockName(manager, `tthc:form:${schema.id}`);
    const latest = await latestVersion(manager, schema.id);
    if (latest?.contentHash === contentHash) return { form: latest, changed: false };
    const form = manager.create(TaskFormEntity, {
      id: randomUUID(),
      formId: schema.id,
      version: (latest?.version ?? 0) + 1,
      schema,
      contentHash,
      source: options.source ?? null,
      deployedAt: options.now,
    });
    await manager.save(TaskFormEntity, form);
    return { form, changed: true };
  });
}

function latestVersion(manager: EntityManager, formId: string): Promise<TaskFormEntity | null> {
  return manager.findOne(TaskFormEntity, { where: { formId }, order: { version: 'DESC' } });
}

/**
 * The form a task shows: the version of its form that was current when the task was created,
 * so a form redeployed mid-way does not change what a waiting task asks for. Null when no form
 * of that id was deployed by then (the page falls back to the fields the process needs).
 */
export async function formOfTask(
  store: Store,
  task: { formKey: string | null; createdAt: Date },
): Promise<TaskFormEntity | null> {
  if (!task.formKey) return null;
  const versions = (await taskFormVersions(store, [task.formKey])).get(task.formKey) ?? [];
  return formCurrentAt(versions, task.createdAt);
}

/** Every version of these forms, newest first, by form id: one query for a page of tasks. */
export async function taskFormVersions(
  store: Store,
  formIds: readonly string[],
): Promise<Map<string, TaskFormEntity[]>> {
  const forms = await store.manager.find(TaskFormEntity, {
    where: { formId: In([...formIds]) },
    order: { version: 'DESC' },
  });
  const byId = new Map<string, TaskFormEntity[]>();
  for (const form of forms) byId.set(form.formId, [...(byId.get(form.formId) ?? []), form]);
  return byId;
}

/** Of a form's versions (newest first), the one current at a moment: see formOfTask. */
export function formCurrentAt(
  versions: readonly TaskFormEntity[],
  at: Date,
): TaskFormEntity | null {
  return versions.find((form) => form.deployedAt.getTime() <= at.getTime()) ?? null;
}

/** The latest version of every form, by id. */
export function latestTaskForms(store: Store): Promise<TaskFormEntity[]> {
  return store.manager
    .getRepository(TaskFormEntity)
    .createQueryBuilder('form')
    .distinctOn(['form.formId'])
    .orderBy('form.formId')
    .addOrderBy('form.version', 'DESC')
    .getMany();
}

/** Which of these form ids have no deployed version. */
export async function undeployedForms(
  manager: EntityManager,
  formIds: readonly string[],
): Promise<string[]> {
  if (formIds.length === 0) return [];
  const rows = (await manager.query(
    'SELECT DISTINCT form_id FROM task_form WHERE form_id = ANY($1)',
    [formIds],
  )) as { form_id: string }[];
  const deployed = new Set(rows.map((row) => row.form_id));
  return [...new Set(formIds)].filter((id) => !deployed.has(id));
}
