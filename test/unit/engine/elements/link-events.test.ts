import { compileBpmn } from '../../../../src/bpmn/compile';
import { bpmnProcess } from '../../../support/bpmn';
import { Run } from '../driver';

const link = (id: string, type: string, name: string) =>
  `<bpmn:${type} id="${id}"><bpmn:linkEventDefinition name="${name}" /></bpmn:${type}>`;

/** start → a → (link "page2") … (link "page2") → b → end: a flow drawn over two pages. */
const TWO_PAGES = `
  <bpmn:startEvent id="s" />
  <bpmn:userTask id="a" tthc:role="office" />
  ${link('goOn', 'intermediateThrowEvent', 'page2')}
  ${link('page2', 'intermediateCatchEvent', 'page2')}
  <bpmn:userTask id="b" tthc:role="office" />
  <bpmn:endEvent id="e" />
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="a" />
  <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="goOn" />
  <bpmn:sequenceFlow id="f3" sourceRef="page2" targetRef="b" />
  <bpmn:sequenceFlow id="f4" sourceRef="b" targetRef="e" />`;

describe('link events', () => {
  it('a link throw goes on at the catch event of the same name', async () => {
    const run = await Run.start(TWO_PAGES);
    run.complete('a');
    expect(run.tokens()).toEqual(['b']);
    expect(run.history()).toEqual(
      expect.arrayContaining(['ELEMENT_COMPLETED goOn', 'ELEMENT_COMPLETED page2']),
    );
  });

  it('refuses a throw that no catch of its scope answers, and a name caught twice', async () => {
    const unpaired = TWO_PAGES.replace(
      'name="page2" /></bpmn:intermediateCatchEvent>',
      'name="other" /></bpmn:intermediateCatchEvent>',
    );
    await expect(compileBpmn(bpmnProcess('p', unpaired))).rejects.toMatchObject({
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ elementId: 'goOn', rule: 'engine/link' }),
        ]),
      },
    });
    const twice = `${TWO_PAGES}${link('again', 'intermediateCatchEvent', 'page2')}<bpmn:sequenceFlow id="f5" sourceRef="again" targetRef="b" />`;
    await expect(compileBpmn(bpmnProcess('p', twice))).rejects.toMatchObject({
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ elementId: 'again', rule: 'engine/link' }),
        ]),
      },
    });
  });
});
