import type { SimulatedTask } from './office';

/**
 * A role's queue of waiting tasks, oldest first: taken from the head by an index (no array
 * shifting), compacted when the taken part is the larger half.
 */
export class TaskQueue {
  private items: SimulatedTask[] = [];
  private head = 0;

  push(task: SimulatedTask): void {
    this.items.push(task);
  }

  /** The oldest task still waiting, canceled ones dropped on the way. */
  peek(): SimulatedTask | undefined {
    while (this.head < this.items.length && this.items[this.head].canceled) this.head += 1;
    return this.items[this.head];
  }

  shift(): SimulatedTask | undefined {
    const task = this.peek();
    if (task === undefined) return undefined;
    this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return task;
  }

  /** The tasks waiting, canceled ones left out. */
  *waiting(): Generator<SimulatedTask> {
    for (let index = this.head; index < this.items.length; index++) {
      if (!this.items[index].canceled) yield this.items[index];
    }
  }
}
