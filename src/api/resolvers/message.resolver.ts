import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { correlateMessage } from '../../commands/correlate-message';
import type { ApiContext } from '../context';
import { optionalText, requiredText, variablesInput } from '../inputs';
import { CorrelationResult } from '../types/correlation.type';
import { SignalBroadcast } from '../types/signal-broadcast.type';
import { broadcastSignal, evaluateConditions } from '../../commands/signals-and-conditions';
import { ProcessInstance } from '../types/process-instance.type';
import type { ProcessInstanceEntity } from '../../store/entities';

@Resolver()
export class MessageResolver {
  @Mutation(() => CorrelationResult, {
    description:
      'Delivers a message to the one instance waiting for it with this name and key (by default the dossier code), ' +
      'or starts instances at matching message start events; MESSAGE_NOT_CORRELATED when nothing matches.',
  })
  async correlateMessage(
    @Arg('name', () => String) name: string,
    @Arg('correlationKey', () => String, { nullable: true }) correlationKey: string | undefined,
    @Arg('variables', () => GraphQLJSON, { nullable: true }) variables: unknown,
    @Ctx() context: ApiContext,
  ): Promise<CorrelationResult> {
    const correlation = await correlateMessage(context.store, {
      messageName: requiredText(name, 'name'),
      correlationKey: optionalText(correlationKey, 'correlationKey') ?? null,
      variables: variablesInput(variables, 'variables'),
      now: context.now(),
    });
    return {
      kind: correlation.kind,
      elementId: correlation.elementId,
      processInstances: correlation.instances,
    };
  }

  @Mutation(() => SignalBroadcast, {
    description:
      'Broadcasts a signal: every instance waiting for this name catches it, and every process whose latest ' +
      'version begins with a signal start event of this name starts. A signal nobody waits for is no error.',
  })
  async broadcastSignal(
    @Arg('name', () => String) name: string,
    @Arg('variables', () => GraphQLJSON, { nullable: true }) variables: unknown,
    @Ctx() context: ApiContext,
  ): Promise<SignalBroadcast> {
    return broadcastSignal(context.store, {
      signalName: requiredText(name, 'name'),
      variables: variablesInput(variables, 'variables'),
      now: context.now(),
    });
  }

  @Mutation(() => [ProcessInstance], {
    description:
      'Starts every process whose latest version begins with a conditional start event that holds over these variables; ' +
      'the instances started (none is no error).',
  })
  async evaluateConditions(
    @Arg('variables', () => GraphQLJSON) variables: unknown,
    @Arg('businessKey', () => String, { nullable: true }) businessKey: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity[]> {
    return evaluateConditions(context.store, {
      variables: variablesInput(variables, 'variables'),
      businessKey: optionalText(businessKey, 'businessKey') ?? null,
      now: context.now(),
    });
  }
}
