/**
 * Wraps flow elements into a minimal executable BPMN file, for tests that need a small process.
 * `rootElements` go beside the process (errors, escalations, messages).
 */
export function bpmnProcess(
  id: string,
  elements: string,
  attributes = '',
  rootElements = '',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:tthc="http://tthc-engine.vn/schema/bpmn/1.0"
  id="Definitions_${id}" targetNamespace="http://tthc-engine.vn/test">
  ${rootElements}
  <bpmn:process id="${id}" isExecutable="true" ${attributes}>
    ${elements}
  </bpmn:process>
</bpmn:definitions>`;
}

/** A process of one step between a start and an end event: `step` is its element, with an id. */
export function oneStepProcess(id: string, step: string): string {
  const stepId = /\bid="([^"]+)"/.exec(step)?.[1];
  if (!stepId) throw new Error(`The step has no id: ${step}`);
  return bpmnProcess(
    id,
    `<bpmn:startEvent id="start" />
     ${step}
     <bpmn:endEvent id="end" />
     <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="${stepId}" />
     <bpmn:sequenceFlow id="b" sourceRef="${stepId}" targetRef="end" />`,
  );
}
