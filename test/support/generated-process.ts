import fc from 'fast-check';
import { bpmnProcess } from './bpmn';

/**
 * Generated, well-formed processes for property tests: blocks of user tasks combined in
 * sequence, exclusive, parallel and inclusive splits (with matching joins) and embedded
 * sub-processes. Exclusive and inclusive splits read boolean variables `x<n>` and `y<n>`.
 */
export type Block =
  | { kind: 'task' }
  | { kind: 'sequence'; first: Block; second: Block }
  | { kind: 'exclusive' | 'parallel' | 'inclusive'; left: Block; right: Block }
  | { kind: 'sub'; body: Block };

export const blockArbitrary: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Block>({ kind: 'task' }),
    fc.record({
      kind: fc.constant('sequence' as const),
      first: tie('block'),
      second: tie('block'),
    }),
    fc.record({
      kind: fc.constantFrom('exclusive' as const, 'parallel' as const, 'inclusive' as const),
      left: tie('block'),
      right: tie('block'),
    }),
    fc.record({ kind: fc.constant('sub' as const), body: tie('block') }),
  ),
})).block;

/** Writes a block as BPMN between an entry and an exit node; returns the elements. */
class Writer {
  private next = 0;
  readonly parts: string[] = [];

  id(prefix: string): string {
    return `${prefix}${this.next++}`;
  }

  flow(from: string, to: string, condition?: string): void {
    const body = condition
      ? `<bpmn:conditionExpression>${condition}</bpmn:conditionExpression>`
      : '';
    this.parts.push(
      `<bpmn:sequenceFlow id="${this.id('f')}" sourceRef="${from}" targetRef="${to}">${body}</bpmn:sequenceFlow>`,
    );
  }

  /** Emits the block; returns its entry and exit node ids. */
  write(block: Block): { entry: string; exit: string } {
    switch (block.kind) {
      case 'task': {
        const id = this.id('task');
        this.parts.push(`<bpmn:userTask id="${id}" camunda:candidateGroups="office" />`);
        return { entry: id, exit: id };
      }
      case 'sequence': {
        const first = this.write(block.first);
        const second = this.write(block.second);
        this.flow(first.exit, second.entry);
        return { entry: first.entry, exit: second.exit };
      }
      case 'sub': {
        const id = this.id('sub');
        const inner = new Writer();
        inner.next = this.next + 1000;
        const start = inner.id('s');
        const end = inner.id('e');
        const body = inner.write(block.body);
        inner.flow(start, body.entry);
        inner.flow(body.exit, end);
        this.next = inner.next;
        this.parts.push(
          `<bpmn:subProcess id="${id}"><bpmn:startEvent id="${start}" />${inner.parts.join('')}<bpmn:endEvent id="${end}" /></bpmn:subProcess>`,
        );
        return { entry: id, exit: id };
      }
      default: {
        const type = `${block.kind}Gateway`;
        const split = this.id('split');
        const join = this.id('join');
        const variable = `x${split.slice(5)}`;
        const left = this.write(block.left);
        const right = this.write(block.right);
        const defaultFlow = block.kind === 'parallel' ? '' : ` default="${split}-d"`;
        this.parts.push(
          `<bpmn:${type} id="${split}"${defaultFlow} />`,
          `<bpmn:${type} id="${join}" />`,
        );
        if (block.kind === 'parallel') {
          this.flow(split, left.entry);
          this.flow(split, right.entry);
        } else if (block.kind === 'inclusive') {
          // Either branch, both, or neither (the default goes straight to the join).
          this.flow(split, left.entry, `${variable} = true`);
          this.flow(split, right.entry, `y${variable.slice(1)} = true`);
          this.parts.push(
            `<bpmn:sequenceFlow id="${split}-d" sourceRef="${split}" targetRef="${join}" />`,
          );
        } else {
          this.flow(split, left.entry, `${variable} = true`);
          this.parts.push(
            `<bpmn:sequenceFlow id="${split}-d" sourceRef="${split}" targetRef="${right.entry}" />`,
          );
        }
        this.flow(left.exit, join);
        this.flow(right.exit, join);
        return { entry: split, exit: join };
      }
    }
  }
}

export function processOf(block: Block, id = 'generated'): string {
  const writer = new Writer();
  const body = writer.write(block);
  writer.flow('start', body.entry);
  writer.flow(body.exit, 'end');
  return bpmnProcess(
    id,
    `<bpmn:startEvent id="start" />${writer.parts.join('')}<bpmn:endEvent id="end" />`,
  );
}
