import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { citizensDossier } from '../../dossier/citizen';
import { publicDossierStatus, type PublicDossierStatus } from '../../dossier/public-status';
import { STATUS_LABELS, statusName } from '../../dossier/life-cycle/status';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import { DossierStatus } from '../types/dossier.type';
import { signedResultOf } from '../signed-results';
import { SignedResult } from '../types/signed-result.type';

@ObjectType()
class StepDone {
  @Field(() => String)
  name!: string;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({
  description:
    "A dossier's progress for the citizen who holds its receipt (tra cứu hồ sơ): never who applied or what they sent.",
})
class DossierProgress {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  procedureName!: string | null;

  @Field(() => String, { nullable: true })
  procedureCode!: string | null;

  @Field(() => DossierStatus)
  status!: string;

  @Field(() => Int)
  statusCode!: number;

  @Field(() => String, { description: 'The status in Vietnamese.' })
  statusLabel!: string;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The appointment (hẹn trả kết quả).' })
  appointmentAt!: Date | null;

  @Field(() => Boolean)
  late!: boolean;

  @Field(() => [StepDone], { description: 'The steps done, in order (their names only).' })
  stepsDone!: StepDone[];

  @Field(() => [String], { description: 'The steps under way.' })
  currentSteps!: string[];

  @Field(() => Int, { description: 'The fees still to pay, in đồng.' })
  amountDue!: number;

  @Field(() => Boolean, {
    description: 'The citizen is told of each turn (stopNotifications ends it).',
  })
  notified!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The VietQR payload to pay them by a bank's app (EMVCo, NAPAS): the agency's account, the amount due, the dossier code as the purpose. None when nothing is due or the agency set no account.",
  })
  vietQr!: string | null;

  @Field(() => SignedResult, {
    nullable: true,
    description:
      'The result the leader signed digitally: who signed, when, and whether the signature verifies; null when none was signed.',
  })
  signedResult!: SignedResult | null;
}

@Resolver()
export class DossierStatusResolver {
  @Query(() => DossierProgress, {
    description:
      'The citizen looks up a dossier without signing in: its code and the last four digits of the phone given at reception. A wrong pair is answered exactly like an unknown code.',
  })
  async dossierStatus(
    @Arg('code', () => String) code: string,
    @Arg('phoneLast4', () => String) phoneLast4: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierProgress> {
    const dossier = await citizensDossier(
      context.store,
      requiredText(code, 'code'),
      phoneLast4,
      context.now(),
    );
    const progress = view(await publicDossierStatus(context.store, dossier, context.now()));
    return { ...progress, signedResult: await signedResultOf(context, dossier.code) };
  }
}

function view(found: PublicDossierStatus): Omit<DossierProgress, 'signedResult'> {
  return {
    ...found,
    status: statusName(found.statusCode),
    statusLabel: STATUS_LABELS[found.statusCode],
  };
}
