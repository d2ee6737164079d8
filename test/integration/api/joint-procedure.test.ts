import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/**
 * The joint procedure of group 1 end to end: reception, civil status, then the police (in our
 * inbox) and social insurance (by message, from its own system) in parallel, then reception.
 */
describe('joint birth – residence – health insurance procedure over GraphQL', () => {
  const suite = apiSuite();
  beforeAll(async () => {
    const deployed = await suite.f.deploy(
      readProjectFile('processes/joint/birth-residence-insurance.bpmn'),
    );
    expect(deployed.warnings).toEqual([]);
  });

  it('runs the agencies in parallel and returns the results when both are done', async () => {
    const code = '000.00.06.H56-260302-0101';
    const id = await suite.f.start('joint-birth-residence-insurance', code, {
      child: 'Nguyễn Bảo An',
      under6: true,
    });
    await suite.f.complete(id, 'Task_Receive');
    await suite.f.complete(id, 'Task_RegisterBirth', { birthCertificateNo: '123/2026' });

    const instance = await suite.f.instance(id);
    expect(instance.openTasks.map((t: any) => `${t.elementId}:${t.candidateGroups}`)).toEqual([
      'Task_RegisterResidence:police',
    ]);

    // Social insurance answers first, through its own system.
    const card = await suite.f.correlate('health-insurance-issued', code, {
      insuranceCardNo: 'TE1010123456789',
    });
    expect(card.data?.correlateMessage).toMatchObject({
      kind: 'WAITING',
      elementId: 'Task_AwaitInsuranceCard',
    });
    expect(await suite.f.waitingAt(id)).toEqual(['Task_RegisterResidence']);

    await suite.f.complete(id, 'Task_RegisterResidence', { residenceRegistered: true });
    expect(await suite.f.waitingAt(id)).toEqual(['Task_ReturnResults']);
    await suite.f.complete(id, 'Task_ReturnResults');

    const done = await suite.f.instance(id);
    expect(done.status).toBe('COMPLETED');
    expect(done.variables).toEqual({
      child: 'Nguyễn Bảo An',
      under6: true,
      birthCertificateNo: '123/2026',
      insuranceCardNo: 'TE1010123456789',
      residenceRegistered: true,
    });
    expect(await suite.f.historyOf(id, 'ELEMENT_COMPLETED')).toEqual([
      'ELEMENT_COMPLETED StartEvent_Submitted',
      'ELEMENT_COMPLETED Task_Receive',
      'ELEMENT_COMPLETED Task_RegisterBirth',
      'ELEMENT_COMPLETED Gateway_Split',
      'ELEMENT_COMPLETED Task_AwaitInsuranceCard',
      'ELEMENT_COMPLETED Task_RegisterResidence',
      'ELEMENT_COMPLETED Gateway_Join',
      'ELEMENT_COMPLETED Task_ReturnResults',
      'ELEMENT_COMPLETED EndEvent_Returned',
    ]);
  });
});
