import type { ProcessModel } from '../bpmn/model';
import type { Variables } from '../engine/types';
import type { Random } from './random';

/**
 * How the simulation makes a gateway go the way it was observed to go, without touching the
 * engine: a copy of the model in which each observed exclusive gateway's outgoing flows test a
 * variable of the simulation's own (`whatIfBranch<n> = <k>`), and draws of those variables given
 * with every command. The engine then evaluates its conditions as always; only the variables are
 * chosen. A gateway never observed keeps its own conditions.
 */
export class BranchChooser {
  readonly model: ProcessModel;
  private readonly gateways: { variable: string; weights: (readonly [number, number])[] }[] = [];

  constructor(model: ProcessModel, taken: Record<string, number>) {
    const flows = { ...model.flows };
    for (const node of Object.values(model.nodes)) {
      if (node.type !== 'exclusiveGateway' || node.outgoing.length < 2) continue;
      const weights = node.outgoing.map((flowId, k) => [k, taken[flowId] ?? 0] as const);
      if (weights.every(([, count]) => count === 0)) continue;
      const variable = `whatIfBranch${this.gateways.length}`;
      node.outgoing.forEach((flowId, k) => {
        flows[flowId] = { ...flows[flowId], condition: `${variable} = ${k}` };
      });
      this.gateways.push({ variable, weights });
    }
    this.model = { ...model, flows };
  }

  /** A fresh draw for every gateway: the way each would go if reached next. */
  draw(random: Random): Variables {
    const variables: Variables = {};
    for (const { variable, weights } of this.gateways) {
      variables[variable] = random.weighted(weights);
    }
    return variables;
  }
}
