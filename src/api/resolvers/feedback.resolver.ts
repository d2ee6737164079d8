import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { citizensDossier } from '../../dossier/citizen';
import { answerFeedback, rateDossier, submitFeedback } from '../../dossier/feedback';
import type { DossierFeedbackEntity } from '../../store/entities';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import { signedIn } from './officer.resolver';

@ObjectType({
  description: 'Feedback on a dossier (phản ánh, kiến nghị), answered within 15 working days.',
})
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  content!: string;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => Date, { description: 'Fifteen working days after it came.' })
  dueAt!: Date;

  @Field(() => String, { nullable: true })
  answer!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true })
  answeredBy!: string | null;
}

@ObjectType()
class Rating {
  @Field(() => Boolean)
  satisfied!: boolean;

  @Field(() => Date)
  ratedAt!: Date;
}

/** What citizens say of their dossiers, and the office's answers. */
@Resolver()
export class FeedbackResolver {
  @Mutation(() => Feedback, {
    description:
      'The citizen sends feedback on their dossier, without signing in (its code and the last four digits of their phone).',
  })
  async submitFeedback(
    @Arg('code', () => String) code: string,
    @Arg('phoneLast4', () => String) phoneLast4: string,
    @Arg('content', () => String) content: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierFeedbackEntity> {
    const now = context.now();
    const dossier = await citizenProves(context, code, phoneLast4, now);
    return submitFeedback(context.store, dossier, content, now);
  }

  @Mutation(() => Rating, {
    description: 'The citizen rates their dossier once it ended: satisfied or not, once.',
  })
  async rateDossier(
    @Arg('code', () => String) code: string,
    @Arg('phoneLast4', () => String) phoneLast4: string,
    @Arg('satisfied', () => Boolean) satisfied: boolean,
    @Ctx() context: ApiContext,
  ): Promise<Rating> {
    const now = context.now();
    const dossier = await citizenProves(context, code, phoneLast4, now);
    await rateDossier(context.store, dossier, satisfied, now);
    return { satisfied, ratedAt: now };
  }

  @Mutation(() => Feedback, { description: "An officer of the dossier's agency answers feedback." })
  answerFeedback(
    @Arg('id', () => ID) id: string,
    @Arg('answer', () => String) answer: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierFeedbackEntity> {
    const me = signedIn(context);
    return answerFeedback(context.store, {
      id,
      answer,
      by: { username: me.username, agencyCode: me.agency.code },
      now: context.now(),
    });
  }
}

/** The citizen's dossier, proved by its code and their phone's last digits. */
function citizenProves(context: ApiContext, code: string, phoneLast4: string, now: Date) {
  return citizensDossier(context.store, requiredText(code, 'code'), phoneLast4, now);
}
