import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applicantInput, componentsInput } from '../../dossier/applicant';
import { endDossier, returnResult } from '../../dossier/close';
import { controlSheet } from '../../dossier/control-sheet';
import { extendDossier } from '../../dossier/extend';
import { dossierOfAgency } from '../../dossier/of-agency';
import { isLate } from '../../dossier/late';
import { trackingBook } from '../../dossier/tracking-book';
import { recordPayment, requestPayment } from '../../dossier/payment';
import { queryDossiers } from '../../store/dossier-list';
import { MAX_FEE } from '../../dossier/fee';
import { receiveDossier } from '../../dossier/receive';
import { DOSSIER_STATUS, STATUS_LABELS, statusName } from '../../dossier/life-cycle/status';
import { requestSupplement, submitSupplement } from '../../dossier/supplement';
import { AppError, notFound } from '../../errors';
import { officeCalendar } from '../../store/calendars';
import { definitionById } from '../../store/definitions';
import {
  feedbackOfDossier,
  formsOf,
  paidFor,
  paymentsOf,
  supplementRequests,
} from '../../store/dossiers';
import type {
  DossierEntity,
  DossierFormEntity,
  DossierPaymentEntity,
  PaymentMethod as StoredPaymentMethod,
  ProcessInstanceEntity,
} from '../../store/entities';
import { asksFor } from '../asks-for';
import type { ApiContext } from '../context';
import {
  decodeCursor,
  encodeCursor,
  optionalText,
  pageSizeInput,
  rangeInput,
  requiredText,
  variablesInput,
} from '../inputs';
import {
  ComponentInput,
  Dossier,
  DossierConnection,
  DossierFilter,
  DossierForm,
  DossierPayment,
  DossierStatus,
  HandOver,
  PaymentMethod,
  ReceiveDossierInput,
  ResultReturnMethod,
  TrackingBookLine,
} from '../types/dossier.type';
import { ProcessDefinition } from '../types/process-definition.type';
import { ProcessInstance } from '../types/process-instance.type';
import { Feedback } from './feedback.resolver';
import { asActor } from '../../auth/principal';
import { signedIn } from './officer.resolver';
import { signedResultOf } from '../signed-results';
import { SignedResult } from '../types/signed-result.type';
import { holds } from '../../auth/policy';
import type { Principal } from '../../auth/principal';

const DOSSIER_CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(.{1,64})$/;

@Resolver(() => Dossier)
export class DossierResolver {
  @Mutation(() => Dossier, {
    description:
      'Receives a dossier at the one-stop desk (tiếp nhận): checks its papers, gives it its code, starts its procedure and issues the receipt with the appointment (Form 01).',
  })
  async receiveDossier(
    @Arg('input', () => ReceiveDossierInput) input: ReceiveDossierInput,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = signedIn(context);
    return receiveDossier(
      context.store,
      {
        procedureKey: requiredText(input.procedureKey, 'procedureKey'),
        applicant: applicantInput({ ...input.applicant }),
        channel: input.channel,
        components: componentsInput(input.components.map((c) => ({ ...c }))),
        feeAmount:
          input.feeAmount === undefined || input.feeAmount === null
            ? undefined
            : rangeInput(input.feeAmount, 'input.feeAmount', 0, MAX_FEE),
        submissionId: optionalText(input.submissionId, 'submissionId'),
        variables: variablesInput(input.variables, 'variables'),
        requestMissing: input.requestMissing,
        resultDelivery: input.resultDelivery,
        notifyBy: input.notifyBy ?? undefined,
      },
      { username: me.username, agency: me.agency },
      context.now(),
    );
  }

  @Mutation(() => Dossier, {
    description:
      'Asks the citizen for papers (Form 02), stopping the clock; a second request marks the dossier late.',
  })
  async requestSupplement(
    @Arg('code', () => String) code: string,
    @Arg('missing', () => [String]) missing: string[],
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = await this.mine(context, code);
    return requestSupplement(context.store, {
      code,
      missing: missing.map((name, index) => requiredText(name, `missing[${index}]`)),
      reason: requiredText(reason, 'reason'),
      by: me,
      now: context.now(),
    });
  }

  @Mutation(() => Dossier, { description: 'The papers asked for arrive: the clock runs again.' })
  async submitSupplement(
    @Arg('code', () => String) code: string,
    @Arg('components', () => [ComponentInput]) components: ComponentInput[],
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = await this.mine(context, code);
    return submitSupplement(context.store, {
      code,
      components: componentsInput(components.map((c) => ({ ...c }))),
      by: me,
      now: context.now(),
    });
  }

  @Mutation(() => Dossier, {
    description:
      'The dossier will be late: a written apology with the reason and a new appointment (Form 04), once, at least one working day before the current appointment.',
  })
  async extendDossier(
    @Arg('code', () => String) code: string,
    @Arg('appointment', () => Date) appointment: Date,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = await this.mine(context, code);
    return extendDossier(context.store, {
      code,
      appointment,
      reason: requiredText(reason, 'reason'),
      by: me,
      now: context.now(),
    });
  }

  @Mutation(() => Dossier, { description: "Records a payment of the dossier's fees." })
  async recordPayment(
    @Arg('code', () => String) code: string,
    @Arg('amount', () => Int) amount: number,
    @Arg('method', () => PaymentMethod) method: StoredPaymentMethod,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = await this.mine(context, code);
    return recordPayment(context.store, { code, amount, method, by: me, now: context.now() });
  }

  @Mutation(() => Dossier, {
    description:
      'The citizen must pay a financial obligation (e.g. a land levy) before processing goes on: the dossier waits, its clock stopped, until the payment is recorded.',
  })
  async requestPayment(
    @Arg('code', () => String) code: string,
    @Arg('amount', () => Int, { description: 'In đồng.' }) amount: number,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = await this.mine(context, code);
    return requestPayment(context.store, { code, amount, by: me, now: context.now() });
  }

  @Mutation(() => Dossier, { description: 'Refuses the dossier, with the reason (Form 03).' })
  async refuseDossier(
    @Arg('code', () => String) code: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    return this.end(context, 'refuse', code, reason);
  }

  @Mutation(() => Dossier, {
    description: 'Stops processing the dossier, with the reason (Form 05).',
  })
  async stopDossier(
    @Arg('code', () => String) code: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    return this.end(context, 'stop', code, reason);
  }

  @Mutation(() => Dossier, { description: 'The citizen withdraws the dossier.' })
  async withdrawDossier(
    @Arg('code', () => String) code: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    return this.end(context, 'withdraw', code, reason);
  }

  @Mutation(() => Dossier, {
    description:
      'Hands the result to the citizen (trả kết quả): its document number, paper or electronic, and the electronic certified copies issued with it.',
  })
  async returnResult(
    @Arg('code', () => String) code: string,
    @Ctx() context: ApiContext,
    @Arg('method', () => ResultReturnMethod, {
      defaultValue: 'AT_DESK',
      description: 'How the result goes back; at the desk unless said otherwise.',
    })
    method: ResultReturnMethod = 'AT_DESK',
    @Arg('documentNumber', () => String, { nullable: true }) documentNumber?: string,
    @Arg('electronic', () => Boolean, { defaultValue: false }) electronic = false,
    @Arg('electronicCopies', () => Int, { defaultValue: 0 }) electronicCopies = 0,
  ): Promise<DossierEntity> {
    const me = await this.mine(context, code);
    return returnResult(context.store, {
      code,
      by: me,
      now: context.now(),
      result: {
        method,
        documentNumber: optionalText(documentNumber, 'documentNumber'),
        electronic,
        electronicCopies: rangeInput(electronicCopies, 'electronicCopies', 0, 10_000),
      },
    });
  }

  @Query(() => Dossier, {
    description:
      'A dossier by its code: of my agency, or one with a step I reach (handed on or routed to my agency).',
  })
  async dossier(
    @Arg('code', () => String) code: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = signedIn(context);
    return dossierOfAgency(context.store, requiredText(code, 'code'), me.agency.code, asActor(me));
  }

  @Query(() => DossierConnection, {
    description: "My agency's dossiers matching the filter, newest first.",
  })
  async dossiers(
    @Arg('filter', () => DossierFilter, { nullable: true }) filter: DossierFilter | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() context: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DossierConnection> {
    const me = signedIn(context);
    const cursor = after ? decodeCursor(after, DOSSIER_CURSOR) : undefined;
    const page = await queryDossiers(
      context.store,
      {
        agencyCode: agencyOf(me, optionalText(filter?.agencyCode, 'filter.agencyCode')),
        statusCode: filter?.status ? DOSSIER_STATUS[filter.status] : undefined,
        procedureKey: optionalText(filter?.procedureKey, 'filter.procedureKey'),
        field: optionalText(filter?.field, 'filter.field'),
        channel: filter?.channel ?? undefined,
        receivedFrom: filter?.receivedFrom ?? undefined,
        receivedBefore: filter?.receivedBefore ?? undefined,
        dueBefore: filter?.dueBefore ?? undefined,
        overdue: filter?.overdue ?? undefined,
      },
      {
        first: pageSizeInput(first ?? undefined),
        after: cursor && { receivedAt: cursor[0], code: cursor[1] },
        withTotal: asksFor(info, 'totalCount'),
      },
    );
    const edges = page.dossiers.map((dossier) => ({
      cursor: encodeCursor(`${dossier.receivedAt.toISOString()}|${dossier.code}`),
      node: dossier,
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: cursor !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => [TrackingBookLine], {
    description:
      "My agency's tracking book (Form 07): the dossiers received from `from` until before `to`, in order.",
  })
  trackingBook(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() context: ApiContext,
  ): Promise<TrackingBookLine[]> {
    if (!(to > from)) {
      throw new AppError('BAD_USER_INPUT', "'to' must come after 'from'", { field: 'to' });
    }
    return trackingBook(context.store, signedIn(context).agency.code, from, to);
  }

  @FieldResolver(() => DossierStatus)
  status(@Root() dossier: DossierEntity): string {
    return statusName(dossier.statusCode);
  }

  @FieldResolver(() => Int, { description: 'The national status code, 1–10.' })
  statusCode(@Root() dossier: DossierEntity): number {
    return dossier.statusCode;
  }

  @FieldResolver(() => String, { description: 'The status in Vietnamese.' })
  statusLabel(@Root() dossier: DossierEntity): string {
    return STATUS_LABELS[dossier.statusCode];
  }

  @FieldResolver(() => ProcessDefinition, { description: 'The procedure and its version.' })
  procedure(@Root() dossier: DossierEntity, @Ctx() context: ApiContext) {
    return definitionById(context.store, dossier.definitionId);
  }

  @FieldResolver(() => ProcessInstance)
  async processInstance(
    @Root() dossier: DossierEntity,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity> {
    const instance = await context.loaders.instance.load(dossier.instanceId);
    if (!instance) throw notFound('Process instance', dossier.instanceId);
    return instance;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'The appointment (hẹn trả), moved by clock pauses and an extension.',
  })
  async appointmentAt(@Root() dossier: DossierEntity, @Ctx() context: ApiContext) {
    return (await this.processInstance(dossier, context)).dueAt;
  }

  @FieldResolver(() => Int, { description: 'How many times the citizen was asked for papers.' })
  async supplementRequests(@Root() dossier: DossierEntity, @Ctx() context: ApiContext) {
    return supplementRequests(context.store, dossier.code);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Late: judged LATE when its result reached the desk, or still open past its appointment with its clock running, asked for papers more than once, or given a new date (Form 04). Never for a procedure with no statutory time.',
  })
  late(@Root() dossier: DossierEntity, @Ctx() context: ApiContext): boolean {
    return isLate(dossier, context.now());
  }

  @FieldResolver(() => Int, { description: 'The fees due, in đồng (0: free).' })
  feeAmount(@Root() dossier: DossierEntity): number {
    return dossier.feeAmount;
  }

  @FieldResolver(() => Int, { description: 'What has been paid so far, in đồng.' })
  paidAmount(@Root() dossier: DossierEntity, @Ctx() context: ApiContext): Promise<number> {
    return paidFor(context.store, dossier.code);
  }

  @FieldResolver(() => [DossierPayment])
  payments(
    @Root() dossier: DossierEntity,
    @Ctx() context: ApiContext,
  ): Promise<DossierPaymentEntity[]> {
    return paymentsOf(context.store, dossier.code);
  }

  @FieldResolver(() => [HandOver], {
    description:
      'The control sheet (Form 06): each hand-over between steps and agencies, early, on time or late.',
  })
  async controlSheet(@Root() dossier: DossierEntity, @Ctx() context: ApiContext) {
    return controlSheet(context.store, dossier, await officeCalendar(context.store));
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "The citizen's rating: satisfied or not (null: not rated).",
  })
  satisfied(@Root() dossier: DossierEntity): boolean | null {
    return dossier.satisfied;
  }

  @FieldResolver(() => [Feedback], { description: 'Feedback on the dossier (PAKN), oldest first.' })
  feedback(@Root() dossier: DossierEntity, @Ctx() context: ApiContext) {
    return feedbackOfDossier(context.store, dossier.code);
  }

  @FieldResolver(() => [DossierForm], { description: 'The forms issued, oldest first.' })
  forms(@Root() dossier: DossierEntity, @Ctx() context: ApiContext): Promise<DossierFormEntity[]> {
    return formsOf(context.store, dossier.code);
  }

  @FieldResolver(() => SignedResult, {
    nullable: true,
    description:
      "The result the leader signed at the procedure's signature step, verified now; null when none was signed.",
  })
  signedResult(@Root() dossier: DossierEntity, @Ctx() context: ApiContext) {
    return signedResultOf(context, dossier.code);
  }

  /** The signed-in officer's name, once the dossier is found to be of their agency. */
  private async mine(context: ApiContext, code: string): Promise<string> {
    return (await this.ofMyAgency(context, code)).username;
  }

  private async ofMyAgency(
    context: ApiContext,
    code: string,
  ): Promise<{ username: string; dossier: DossierEntity }> {
    const me = signedIn(context);
    const dossier = await dossierOfAgency(
      context.store,
      requiredText(code, 'code'),
      me.agency.code,
    );
    return { username: me.username, dossier };
  }

  private async end(
    context: ApiContext,
    how: 'refuse' | 'stop' | 'withdraw',
    code: string,
    reason: string,
  ): Promise<DossierEntity> {
    const me = await this.mine(context, code);
    return endDossier(context.store, how, {
      code,
      reason: requiredText(reason, 'reason'),
      by: me,
      now: context.now(),
    });
  }
}

/** The agency whose dossiers an officer lists: their own; administrators may name another. */
function agencyOf(me: Principal, wanted: string | undefined): string {
  if (wanted === undefined || wanted === me.agency.code) return me.agency.code;
  if (!holds(me, 'admin')) {
    throw new AppError('FORBIDDEN', `Only administrators list another agency's dossiers`, {
      field: 'filter.agencyCode',
    });
  }
  return wanted;
}
