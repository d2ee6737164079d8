import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { applicantInput } from '../../dossier/applicant';
import { issueDeskNotice } from '../../dossier/desk-notice';
import type { DeskNoticeEntity } from '../../store/entities';
import type { ApiContext } from '../context';
import { optionalText, requiredText } from '../inputs';
import { DeskNotice, DeskNoticeInput } from '../types/desk-notice.type';
import { signedIn } from './officer.resolver';

/** The desk's written answers to dossiers it does not receive (Forms 02 and 03). */
@Resolver()
export class DeskNoticeResolver {
  @Mutation(() => DeskNotice, {
    description:
      'Guides a citizen whose dossier is incomplete, without receiving it: the papers to add, named once and in full (Form 02). Counted as guidedAtDesk, not as a supplement request.',
  })
  guideApplicant(
    @Arg('input', () => DeskNoticeInput) input: DeskNoticeInput,
    @Arg('missing', () => [String]) missing: string[],
    @Ctx() context: ApiContext,
  ): Promise<DeskNoticeEntity> {
    return this.issue(context, '02', input, missing);
  }

  @Mutation(() => DeskNotice, {
    description:
      'Refuses at the desk a request the office cannot take (out of its scope, not allowed), with the reason (Form 03), without receiving it. Counted as refusedAtDesk.',
  })
  refuseApplicant(
    @Arg('input', () => DeskNoticeInput) input: DeskNoticeInput,
    @Ctx() context: ApiContext,
  ): Promise<DeskNoticeEntity> {
    return this.issue(context, '03', input);
  }

  private issue(
    context: ApiContext,
    number: '02' | '03',
    input: DeskNoticeInput,
    missing?: string[],
  ): Promise<DeskNoticeEntity> {
    const me = signedIn(context);
    return issueDeskNotice(
      context.store,
      {
        number,
        procedureKey: requiredText(input.procedureKey, 'input.procedureKey'),
        applicant: applicantInput({ ...input.applicant }),
        reason: requiredText(input.reason, 'input.reason'),
        // Blank lines are dropped (the notice then names none, which it refuses); long ones are refused.
        missing: missing?.flatMap((paper, index) => optionalText(paper, `missing[${index}]`) ?? []),
      },
      { username: me.username, agency: me.agency },
      context.now(),
    );
  }
}
