import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { EventDefinition, FlowNodeType } from './model';
import { asList } from './roles';
import { isDate, isDuration, parseCycle } from '../calendar/iso-time';
import { refuseClock } from './feel-clock';
import { feelOf } from './expression';
import { isJuel } from './juel';
import { isWorkingTimeText, parseWorkingDuration } from '../calendar/working-duration';

/** Which event definitions the engine runs where; anything else is refused, naming the element. */
export const EVENT_KINDS: Partial<Record<FlowNodeType, EventDefinition['kind'][]>> = {
  startEvent: ['message', 'timer', 'error', 'escalation', 'signal', 'conditional'],
  endEvent: ['terminate', 'error', 'escalation', 'message', 'signal', 'compensate'],
  intermediateCatchEvent: ['message', 'timer', 'signal', 'conditional', 'link'],
  intermediateThrowEvent: ['message', 'escalation', 'signal', 'link', 'compensate'],
  boundaryEvent: ['message', 'timer', 'error', 'escalation', 'signal', 'conditional', 'compensate'],
};

/** Reads an event's definition (or a receive task's message) into the compiled form. */
export function eventDefinitionOf(
  element: ModdleElement,
  type: FlowNodeType,
  findings: Findings,
): EventDefinition | undefined {
  const id = element.id ?? '';
  if (type === 'receiveTask')
    return messageDefinition(element, element.messageRef, findings) ?? undefined;
  const definitions = asList(element.eventDefinitions);
  if (definitions.length > 1) {
    findings.unsupported(`Event '${id}' has several event definitions; the engine runs one`, id);
    return undefined;
  }
  const [definition] = definitions;
  if (!definition) {
    if (type === 'boundaryEvent' || type === 'intermediateCatchEvent') {
      findings.invalid(`Event '${id}' catches nothing: give it an event definition`, id);
    }
    return undefined;
  }
  const compiled = compileDefinition(element, definition, findings);
  if (compiled === null) return undefined;
  if (!compiled) {
    const kind = definition.$type.replace('bpmn:', '');
    findings.unsupported(`Event '${id}' has a ${kind}, which the engine does not run yet`, id);
    return undefined;
  }
  if (!EVENT_KINDS[type]?.includes(compiled.kind)) {
    findings.unsupported(
      `A ${compiled.kind} event definition on a ${type} ('${id}') is not supported`,
      id,
    );
    return undefined;
  }
  return compiled;
}

/** Undefined for a kind the engine does not know; null when the definition's problem is reported. */
function compileDefinition(
  element: ModdleElement,
  definition: ModdleElement,
  findings: Findings,
): EventDefinition | null | undefined {
  switch (definition.$type) {
    case 'bpmn:MessageEventDefinition':
      return messageDefinition(element, definition.messageRef, findings);
    case 'bpmn:TimerEventDefinition':
      return timerDefinition(element, definition, findings);
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    case 'bpmn:ErrorEventDefinition': {
      const error = definition.errorRef as ModdleElement | undefined;
      return { kind: 'error', errorCode: text(error?.errorCode) };
    }
    case 'bpmn:EscalationEventDefinition': {
      const escalation = definition.escalationRef as ModdleElement | undefined;
      return { kind: 'escalation', escalationCode: text(escalation?.escalationCode) };
    }
    case 'bpmn:SignalEventDefinition':
      return signalDefinition(element, definition, findings);
    case 'bpmn:ConditionalEventDefinition':
      return conditionalDefinition(element, definition, findings);
    case 'bpmn:LinkEventDefinition':
      return linkDefinition(element, definition, findings);
    case 'bpmn:CompensateEventDefinition': {
      const activity = (definition.activityRef as ModdleElement | undefined)?.id;
      return activity ? { kind: 'compensate', activityRef: activity } : { kind: 'compensate' };
    }
    default:
      return undefined;
  }
}

/** A signal is broadcast by its name: without one nothing could catch it. */
function signalDefinition(
  element: ModdleElement,
  definition: ModdleElement,
  findings: Findings,
): EventDefinition | null {
  const id = element.id ?? '';
  const signalName = text((definition.signalRef as ModdleElement | undefined)?.name);
  if (signalName) return { kind: 'signal', signalName };
  findings.invalid(
    `'${id}' refers to no signal with a name: every signal needs a name`,
    id,
    'engine/signal-name',
  );
  return null;
}

/** A conditional event waits for its FEEL condition to hold. */
function conditionalDefinition(
  element: ModdleElement,
  definition: ModdleElement,
  findings: Findings,
): EventDefinition | null {
  const id = element.id ?? '';
  const condition = definition.condition as ModdleElement | undefined;
  const language = condition?.language ?? condition?.$attrs?.language;
  if (typeof language === 'string' && !/feel/i.test(language)) {
    findings.add('BPMN_UNSUPPORTED', {
      elementId: id,
      rule: 'engine/expression-language',
      message: `The condition of '${id}' is written in '${language}'; only FEEL is run`,
    });
    return null;
  }
  const feel = feelOf(
    text(condition?.body) ?? '',
    { elementId: id, what: 'the condition' },
    findings,
  );
  if (feel === undefined) return null;
  if (feel === '') {
    findings.invalid(`Conditional event '${id}' has no condition`, id);
    return null;
  }
  return { kind: 'conditional', condition: feel };
}

/** A link pair shares a name within one scope (checked with the graph). */
function linkDefinition(
  element: ModdleElement,
  definition: ModdleElement,
  findings: Findings,
): EventDefinition | null {
  const id = element.id ?? '';
  const linkName = text(definition.name) ?? text(element.name);
  if (linkName) return { kind: 'link', linkName };
  findings.invalid(`Link event '${id}' has no name to pair it with its other end`, id);
  return null;
}

/**
 * A message needs a name: that is what correlateMessage matches. Its correlation key comes from
 * `tthc:correlationKey` or Camunda 8's `zeebe:subscription`; without one, the instance's business
 * key (the dossier code) is the key.
 */
function messageDefinition(
  element: ModdleElement,
  reference: unknown,
  findings: Findings,
): EventDefinition | null {
  const id = element.id ?? '';
  const message = reference as ModdleElement | undefined;
  const messageName = text(message?.name);
  // Camunda 8 sends from a throw or end event through a job worker: no message is named then.
  if (!messageName && throwsByJob(element)) return null;
  if (!messageName) {
    findings.invalid(
      `'${id}' refers to no message with a name: every message needs a name`,
      id,
      'engine/message-name',
    );
    return null;
  }
  const subscription = asList(
    (message?.extensionElements as ModdleElement | undefined)?.values,
  ).find((value) => value.$type === 'zeebe:subscription');
  const key = text(message?.get('tthc:correlationKey')) ?? text(subscription?.correlationKey);
  const correlationKey = key?.startsWith('=') ? key.slice(1).trim() : key;
  if (correlationKey && refuseClock(correlationKey, id, findings)) return null;
  return correlationKey
    ? { kind: 'message', messageName, correlationKey }
    : { kind: 'message', messageName };
}

/** A timer gives a date, a duration or a cycle, in ISO 8601 or as FEEL after `=`. */
function timerDefinition(
  element: ModdleElement,
  definition: ModdleElement,
  findings: Findings,
): EventDefinition | null {
  const id = element.id ?? '';
  const kinds = [
    ['date', definition.timeDate],
    ['duration', definition.timeDuration],
    ['cycle', definition.timeCycle],
  ] as const;
  const given = kinds.filter(([, expression]) => expression);
  if (given.length !== 1) {
    findings.invalid(
      `Timer '${id}' needs exactly one of a date, a duration or a cycle`,
      id,
      'engine/timer',
    );
    return null;
  }
  const [timer, expression] = given[0];
  const written = text((expression as ModdleElement).body) ?? '';
  // JUEL becomes FEEL (`=...`); ISO 8601 text stays as it is.
  const juel = isJuel(written)
    ? feelOf(written, { elementId: id, what: 'the timer' }, findings)
    : '';
  if (juel === undefined) return null;
  const body = juel === '' ? written : `=${juel}`;
  if (body.startsWith('=') && refuseClock(body, id, findings)) return null;
  const workingTime = definition.get('tthc:workingTime') === true;
  if (workingTime && timer !== 'duration') {
    findings.invalid(
      `Timer '${id}' counts working time (tthc:workingTime), which only a duration can`,
      id,
      'engine/timer',
    );
    return null;
  }
  if (!timerTextValid(timer, body, workingTime)) {
    findings.invalid(
      workingTime
        ? `Timer '${id}' has '${body}', which is not working time such as 'P3D', 'PT4H' or '3 working days'`
        : `Timer '${id}' has '${body}', which is not an ISO 8601 ${timer}${isWorkingTimeText(body) ? ' (for working time, set tthc:workingTime="true")' : ''}`,
      id,
      'engine/timer',
    );
    return null;
  }
  return workingTime
    ? { kind: 'timer', timer, expression: body, workingTime }
    : { kind: 'timer', timer, expression: body };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a static timer text is well formed; FEEL ones are checked when they run. */
export function timerTextValid(
  timer: Extract<EventDefinition, { kind: 'timer' }>['timer'],
  text: string,
  workingTime = false,
): boolean {
  if (text.startsWith('=')) return true;
  if (workingTime) return parseWorkingDuration(text) !== undefined;
  if (timer === 'date') return isDate(text);
  if (timer === 'duration') return isDuration(text);
  const cycle = parseCycle(text);
  return cycle !== undefined && cycle.repetitions !== 0;
}

/** A message throw or end event done by a job worker (Camunda 8's `zeebe:taskDefinition`). */
export function throwsByJob(element: ModdleElement): boolean {
  const throwing =
    element.$type === 'bpmn:IntermediateThrowEvent' || element.$type === 'bpmn:EndEvent';
  const hasMessage = asList(element.eventDefinitions).some(
    (d) => d.$type === 'bpmn:MessageEventDefinition',
  );
  return (
    throwing &&
    hasMessage &&
    asList((element.extensionElements as ModdleElement | undefined)?.values).some(
      (value) => value.$type === 'zeebe:taskDefinition',
    )
  );
}
