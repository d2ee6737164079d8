import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { FlowNode } from './model';
import { asList } from './roles';
import { isJuel } from './juel';

/**
 * The job type of a service or send task, which a registered handler or an external worker
 * takes: `zeebe:taskDefinition type`, Camunda 7's external task topic, or `tthc:jobType`. Java
 * delegates and expressions cannot run here, so they are refused; a task drawn with no job type
 * at all is given its own id as one, with a warning.
 */
export function jobOf(
  element: ModdleElement,
  findings: Findings,
): Pick<FlowNode, 'jobType' | 'retries'> {
  const id = element.id ?? '';
  const definition = asList((element.extensionElements as ModdleElement | undefined)?.values).find(
    (value) => value.$type === 'zeebe:taskDefinition',
  );
  for (const attribute of ['camunda:class', 'camunda:delegateExpression', 'camunda:expression']) {
    if (element.get(attribute)) {
      findings.unsupported(
        `'${id}' calls Java code (${attribute}); give it a job type for a handler or worker`,
        id,
      );
      return {};
    }
  }
  // Activiti and Flowable files write the same Java hooks under their own namespaces.
  const foreign = Object.keys(element.$attrs ?? {}).find((name) =>
    /:(class|delegateExpression|expression)$/.test(name),
  );
  if (foreign) {
    findings.unsupported(
      `'${id}' calls Java code (${foreign}); give it a job type for a handler or worker`,
      id,
    );
    return {};
  }
  const camundaTopic =
    element.get('camunda:type') === 'external' ? element.get('camunda:topic') : undefined;
  const jobType = [element.get('tthc:jobType'), definition?.type, camundaTopic].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  const implementation = typeof element.implementation === 'string' ? element.implementation : '';
  if (!jobType && isJuel(implementation)) {
    findings.add('BPMN_UNSUPPORTED', {
      elementId: id,
      rule: 'engine/expression-language',
      message: `'${id}' calls the code '${implementation}' of the engine it was drawn for; give it a job type for a handler or worker`,
    });
    return {};
  }
  if (!jobType) {
    // Drawn without one (a sketch, or a modeler's `##WebService`): a worker may take it by its id.
    findings.warn(
      `'${id}' has no job type, so its jobs have the type '${id}': set tthc:jobType or zeebe:taskDefinition type for a handler or worker`,
      id,
      'engine/job-type',
    );
    return { jobType: id, retries: 3 };
  }
  const retries = Number(definition?.retries ?? 3);
  return {
    jobType: jobType.trim(),
    retries: Number.isInteger(retries) && retries >= 0 ? retries : 3,
  };
}
