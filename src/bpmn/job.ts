import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { FlowNode } from './model';
import { asList } from './roles';

/**
 * The job type of a service or send task, which a registered handler or an external worker
 * takes: `zeebe:taskDefinition type`, Camunda 7's external task topic, or `tthc:jobType`. Java
 * delegates and expressions cannot run here, so they are refused.
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
  const camundaTopic =
    element.get('camunda:type') === 'external' ? element.get('camunda:topic') : undefined;
  const jobType = [element.get('tthc:jobType'), definition?.type, camundaTopic].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  if (!jobType) {
    findings.invalid(
      `'${id}' has no job type: set tthc:jobType or zeebe:taskDefinition type`,
      id,
      'engine/job-type',
    );
    return {};
  }
  const retries = Number(definition?.retries ?? 3);
  return {
    jobType: jobType.trim(),
    retries: Number.isInteger(retries) && retries >= 0 ? retries : 3,
  };
}
