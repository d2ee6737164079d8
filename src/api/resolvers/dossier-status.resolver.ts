import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { AttemptLimit } from '../../auth/attempt-limit';
import { publicDossierStatus, type PublicDossierStatus } from '../../dossier/public-status';
import { STATUS_LABELS, statusName } from '../../dossier/status';
import { notFound } from '../../errors';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import { DossierStatus } from '../types/dossier.type';

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
}

/** Wrong code and phone pairs, per code: ten thousand endings are too few to leave unguarded. */
const guesses = new AttemptLimit('look-ups', 'code');

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
    const wanted = requiredText(code, 'code');
    const now = context.now();
    guesses.check(wanted, now);
    const found = await publicDossierStatus(context.dataSource, wanted, phoneLast4.trim());
    if (!found) {
      guesses.failed(wanted, now);
      throw notFound('Dossier', wanted, { field: 'code' });
    }
    return view(found);
  }
}

function view(found: PublicDossierStatus): DossierProgress {
  return {
    ...found,
    status: statusName(found.statusCode),
    statusLabel: STATUS_LABELS[found.statusCode],
  };
}
