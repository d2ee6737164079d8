import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

describe('input and output mappings', () => {
  const suite = apiSuite();
  beforeAll(async () => {
    await suite.f.deploy(
      bpmnProcess(
        'mapped',
        `<bpmn:startEvent id="start" />
           <bpmn:serviceTask id="lookup" tthc:jobType="mapped-lookup">
             <bpmn:extensionElements>
               <zeebe:ioMapping>
                 <zeebe:input source="=applicant.idNumber" target="citizenId" />
                 <zeebe:input source="CSDLQG" target="registry" />
                 <zeebe:output source="=result.fullName" target="applicantName" />
               </zeebe:ioMapping>
             </bpmn:extensionElements>
           </bpmn:serviceTask>
           <bpmn:userTask id="check" camunda:candidateGroups="civil_status">
             <bpmn:extensionElements>
               <camunda:inputOutput>
                 <camunda:outputParameter name="approved">=decision = "đồng ý"</camunda:outputParameter>
               </camunda:inputOutput>
             </bpmn:extensionElements>
           </bpmn:userTask>
           <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="lookup" />
           <bpmn:sequenceFlow id="b" sourceRef="lookup" targetRef="check" />`,
      ),
    );
  });

  it('gives a task its inputs, and hands back only what its outputs map', async () => {
    const id = await suite.f.start('mapped', 'IO-1', {
      applicant: { idNumber: '001203004567', name: 'An' },
    });
    const [job] = (
      await suite.api.ok(
        `mutation { fetchAndLockJobs(type: "mapped-lookup", workerId: "w", maxJobs: 1, lockSeconds: 60) { id variables } }`,
      )
    ).fetchAndLockJobs;
    expect(job.variables).toMatchObject({ citizenId: '001203004567', registry: 'CSDLQG' });
    await suite.api.ok(
      `mutation ($id: ID!) { completeJob(id: $id, workerId: "w", variables: { result: { fullName: "Nguyễn Văn An", raw: "…" } }) { id } }`,
      {
        id: job.id,
      },
    );
    expect((await suite.f.instance(id)).variables).toEqual({
      applicant: { idNumber: '001203004567', name: 'An' },
      applicantName: 'Nguyễn Văn An',
    });
    await suite.f.complete(id, 'check', { decision: 'đồng ý', note: 'chỉ trong biểu mẫu' });
    expect((await suite.f.instance(id)).variables).toEqual({
      applicant: { idNumber: '001203004567', name: 'An' },
      applicantName: 'Nguyễn Văn An',
      approved: true,
    });
  });
});
