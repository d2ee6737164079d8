import { compileBpmn } from '../../../src/bpmn/compile';
import { AppError } from '../../../src/errors';
import { bpmnProcess } from '../../support/bpmn';
import { modelFrom, modelOf } from '../../support/models';

const task = (id: string, attributes = '') =>
  `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
   <bpmn:userTask id="${id}" ${attributes}><bpmn:incoming>f1</bpmn:incoming></bpmn:userTask>
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="${id}" />`;

const lanes = (inner: string) => `<bpmn:laneSet id="ls">${inner}</bpmn:laneSet>`;

async function refusal(xml: string): Promise<AppError> {
  const error = await compileBpmn(xml).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('compiling the birth registration', () => {
  it('reads its key, name, procedure code, roles from lanes, and conditions', async () => {
    const model = await modelFrom('processes/civil-status/birth-registration.bpmn');
    expect(model).toMatchObject({
      key: 'birth-registration',
      name: 'Đăng ký khai sinh',
      procedureCode: '1.001193',
    });
    expect(model.startEventId).toBe('StartEvent_Submitted');
    const roles = Object.values(model.nodes)
      .filter((node) => node.type === 'userTask')
      .map((node) => `${node.id}:${node.candidateGroups?.join('|')}`);
    expect(roles).toEqual([
      'Task_Receive:reception',
      'Task_Check:civil_status',
      'Task_Sign:leader',
      'Task_ReturnResult:reception',
    ]);
    expect(model.flows.Flow_Complete.condition).toBe('complete = true');
    expect(model.nodes.Gateway_Receive.incoming).toEqual([
      'Flow_Submitted',
      'Flow_NeedsSupplement',
    ]);
  });
});

describe('wiring', () => {
  it('comes from the flows themselves, with or without <incoming>/<outgoing> children', async () => {
    const model = await modelOf(
      bpmnProcess(
        'bare',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="t" camunda:candidateGroups="office" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="t" />
         <bpmn:sequenceFlow id="b" sourceRef="t" targetRef="end" />`,
      ),
    );
    expect(model.nodes.start.outgoing).toEqual(['a']);
    expect(model.nodes.t).toMatchObject({ incoming: ['a'], outgoing: ['b'] });
    expect(model.nodes.end.incoming).toEqual(['b']);
  });
});

describe('roles on user tasks', () => {
  it('takes the lane name when the lane has no tthc:role', async () => {
    const model = await modelOf(
      bpmnProcess(
        'p',
        lanes(
          `<bpmn:lane id="l" name=" land "><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane>`,
        ) + task('t'),
      ),
    );
    expect(model.nodes.t.candidateGroups).toEqual(['land']);
  });

  it('prefers the innermost lane of nested lanes', async () => {
    const model = await modelOf(
      bpmnProcess(
        'p',
        lanes(`<bpmn:lane id="outer" tthc:role="commune"><bpmn:flowNodeRef>t</bpmn:flowNodeRef>
           <bpmn:childLaneSet id="inner-set"><bpmn:lane id="inner" tthc:role="social_affairs"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane></bpmn:childLaneSet>
         </bpmn:lane>`) + task('t'),
      ),
    );
    expect(model.nodes.t.candidateGroups).toEqual(['social_affairs']);
  });

  it('lets camunda:candidateGroups on the task override the lane', async () => {
    const model = await modelOf(
      bpmnProcess(
        'p',
        lanes(
          `<bpmn:lane id="l" tthc:role="reception"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane>`,
        ) + task('t', 'camunda:candidateGroups="leader, office"'),
      ),
    );
    expect(model.nodes.t.candidateGroups).toEqual(['leader', 'office']);
  });

  it('warns about Camunda extensions that it does not apply', async () => {
    const { warnings } = await compileBpmn(
      bpmnProcess(
        'p',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="t" camunda:candidateGroups="office">
           <bpmn:extensionElements>
             <camunda:executionListener event="start" class="org.example.Audit" />
           </bpmn:extensionElements>
         </bpmn:userTask>
         <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />`,
      ),
    );
    expect(warnings.filter((w) => w.rule === 'engine/advice')).toEqual([
      {
        elementId: 't',
        rule: 'engine/advice',
        message:
          "'t' has execution listeners (camunda:ExecutionListener), which the engine does not apply",
      },
    ]);
  });

  it("gives a task that no role was named for to the agency's leaders, with a warning", async () => {
    const { processes, warnings } = await compileBpmn(bpmnProcess('p', task('t')));
    expect(processes[0].nodes.t.candidateGroups).toEqual(['leader']);
    expect(warnings).toContainEqual({
      elementId: 't',
      rule: 'engine/task-role',
      message:
        "User task 't' has no role, so it goes to the agency's leaders: put it in a lane or set candidate groups, users or an assignee",
    });
  });
});

describe('refusing what the engine cannot run', () => {
  it('names each unsupported element and every problem at once', async () => {
    const error = await refusal(
      bpmnProcess(
        'p',
        `<bpmn:startEvent id="start" />
         <bpmn:scriptTask id="Script_1" scriptFormat="javascript"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>
         <bpmn:boundaryEvent id="Cancel_1" attachedToRef="Script_1"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>`,
      ),
    );
    expect(error.code).toBe('BPMN_UNSUPPORTED');
    expect(error.details.elementId).toBe('Script_1');
    expect(error.details.problems?.map((p) => p.elementId)).toEqual(['Script_1', 'Cancel_1']);
  });

  it('translates simple JUEL, and refuses the rest of JUEL and JavaScript at deploy, naming the flow', async () => {
    const xml = (condition: string) =>
      bpmnProcess(
        'p',
        `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
         <bpmn:exclusiveGateway id="g"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:exclusiveGateway>
         <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
         <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="g" />
         <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e">${condition}</bpmn:sequenceFlow>`,
      );
    const translated = await compileBpmn(
      xml(
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved &amp;&amp; fee gt 0}</bpmn:conditionExpression>',
      ),
    );
    expect(translated.processes[0].flows.f2.condition).toBe('approved and (fee > 0)');
    expect(translated.warnings).toContainEqual({
      elementId: 'f2',
      rule: 'engine/juel',
      message:
        "The condition of 'f2' is JUEL ('${approved && fee gt 0}'), translated to FEEL as 'approved and (fee > 0)'",
    });
    const juel = await refusal(
      xml(
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${checker.approve(execution)}</bpmn:conditionExpression>',
      ),
    );
    expect(juel).toMatchObject({ code: 'BPMN_UNSUPPORTED', details: { elementId: 'f2' } });
    expect(juel.message).toContain('no FEEL equivalent');
    const js = await refusal(
      xml(
        '<bpmn:conditionExpression language="javascript">next(null, true)</bpmn:conditionExpression>',
      ),
    );
    expect(js).toMatchObject({ code: 'BPMN_UNSUPPORTED', details: { elementId: 'f2' } });
    const broken = await refusal(
      xml('<bpmn:conditionExpression>= a &gt; </bpmn:conditionExpression>'),
    );
    expect(broken).toMatchObject({ code: 'BPMN_INVALID', details: { elementId: 'f2' } });
    expect(broken.message).toMatch(/not valid FEEL/);
  });

  it('refuses a process without a start event, and a flow to nowhere', async () => {
    const error = await refusal(
      bpmnProcess(
        'p',
        `<bpmn:userTask id="t" camunda:candidateGroups="office" /><bpmn:sequenceFlow id="f" sourceRef="t" targetRef="ghost" />`,
      ),
    );
    expect(error.code).toBe('BPMN_INVALID');
    expect(
      error.details.problems?.filter((p) => p.rule?.startsWith('engine/')).map((p) => p.message),
    ).toEqual([
      "Process 'p' has no start event",
      "Sequence flow 'f' lacks a source or target that exists in the file",
    ]);
  });

  it('refuses a DOCTYPE, which could expand entities or read files', async () => {
    const error = await refusal(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>` +
        bpmnProcess('p', task('t')).replace(/^<\?xml[^>]*>/, ''),
    );
    expect(error).toMatchObject({
      code: 'BPMN_INVALID',
      message: expect.stringMatching(/DOCTYPE/),
    });
  });

  it('refuses a BPMN element it cannot read instead of dropping it', async () => {
    const error = await refusal(bpmnProcess('p', `${task('t')}<bpmn:bogusTask id="x" />`));
    expect(error.code).toBe('BPMN_INVALID');
    expect(error.message).toMatch(/unknown type <bpmn:BogusTask>/);
    expect(error.details.line).toBeGreaterThan(1);
  });

  it('refuses a file with no executable process', async () => {
    const error = await refusal(
      bpmnProcess('p', task('t')).replace('isExecutable="true"', 'isExecutable="false"'),
    );
    expect(error.message).toMatch(/no executable process/);
  });
});

describe('assignment and procedure data from every dialect', () => {
  it('reads our tthc attributes and the papers of the procedure', async () => {
    const model = await modelFrom('processes/civil-status/birth-registration.bpmn');
    expect(model).toMatchObject({
      field: 'civil_status',
      statutoryDuration: 'within the working day',
    });
    expect(model.components).toEqual([
      { name: 'Tờ khai đăng ký khai sinh', kind: 'original', count: 1, optional: false },
      {
        name: 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)',
        kind: 'original',
        count: 1,
        optional: false,
      },
    ]);
  });

  it('refuses a paper of a kind reception does not take', async () => {
    const error = await refusal(
      bpmnProcess(
        'papers',
        `<bpmn:extensionElements><tthc:component name="Tờ khai" kind="notarised" /></bpmn:extensionElements>
         ${task('t', 'camunda:candidateGroups="office"')}`,
      ),
    );
    expect(error.code).toBe('BPMN_INVALID');
    expect(error.message).toMatch(
      /'Tờ khai' of kind 'notarised': write original, certified_copy, photocopy/,
    );
    expect(error.details.problems?.[0]).toMatchObject({ elementId: 'papers' });
  });

  it('reads Camunda 7, Camunda 8 and standard BPMN assignments', async () => {
    const xml = bpmnProcess(
      'assigned',
      `<bpmn:startEvent id="start" />
       <bpmn:userTask id="c7" camunda:candidateUsers="an, binh" camunda:assignee="chi" camunda:formKey="forms/birth" tthc:agency="police" tthc:stepDuration="4 working hours" />
       <bpmn:userTask id="c8">
         <bpmn:extensionElements>
           <zeebe:assignmentDefinition candidateGroups="land, office" candidateUsers="dung" />
           <zeebe:formDefinition formId="land-check" />
         </bpmn:extensionElements>
       </bpmn:userTask>
       <bpmn:userTask id="std">
         <bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>group(leader), user(em)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
         <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>giang</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
       </bpmn:userTask>
       <bpmn:userTask id="dynamic" camunda:assignee="\${starter}" camunda:candidateGroups="office" />
       <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="c7" />
       <bpmn:sequenceFlow id="f2" sourceRef="c7" targetRef="c8" />
       <bpmn:sequenceFlow id="f3" sourceRef="c8" targetRef="std" />
       <bpmn:sequenceFlow id="f4" sourceRef="std" targetRef="dynamic" />`,
    );
    const { processes, warnings } = await compileBpmn(xml);
    const { nodes } = processes[0];
    expect(nodes.c7).toMatchObject({
      candidateUsers: ['an', 'binh'],
      assignee: 'chi',
      formKey: 'forms/birth',
      agency: 'police',
      stepDuration: '4 working hours',
    });
    expect(nodes.c8).toMatchObject({
      candidateGroups: ['land', 'office'],
      candidateUsers: ['dung'],
      formKey: 'land-check',
    });
    expect(nodes.std).toMatchObject({
      candidateGroups: ['leader'],
      candidateUsers: ['em'],
      assignee: 'giang',
    });
    expect(nodes.dynamic).toMatchObject({
      candidateGroups: ['office'],
      assignmentExpressions: { assignee: 'starter' },
    });
    expect(warnings).toContainEqual({
      elementId: 'dynamic',
      rule: 'engine/juel',
      message: "The assignee of 'dynamic' is JUEL ('${starter}'), translated to FEEL as 'starter'",
    });
  });
});

describe('FEEL that would read the clock', () => {
  it('is refused at deploy, so that a step never depends on when it runs', async () => {
    const error = await refusal(
      bpmnProcess(
        'clock',
        `<bpmn:startEvent id="start" />
         <bpmn:exclusiveGateway id="g" default="later" />
         <bpmn:endEvent id="e1" />
         <bpmn:endEvent id="e2" />
         <bpmn:sequenceFlow id="s" sourceRef="start" targetRef="g" />
         <bpmn:sequenceFlow id="soon" sourceRef="g" targetRef="e1"><bpmn:conditionExpression>deadline &lt; now()</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:sequenceFlow id="later" sourceRef="g" targetRef="e2" />`,
      ),
    );
    expect(error.details.problems).toContainEqual(
      expect.objectContaining({ elementId: 'soon', rule: 'engine/feel' }),
    );
  });
});
