import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { chooseNotifications } from '../../dossier/notify/choose';
import { setTemplate, templatesInUse } from '../../dossier/notify/edit-templates';
import { dispatchesOf } from '../../store/dispatch';
import type { DispatchEntity, DossierEntity } from '../../store/entities';
import { citizensDossier } from '../../dossier/citizen';
import { dossierOfAgency } from '../../dossier/of-agency';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import {
  Dispatch,
  NotificationChannel,
  NotificationEvent,
  NotificationTemplate,
} from '../types/dispatch.type';
import { Dossier } from '../types/dossier.type';
import { signedIn } from './officer.resolver';

/** How a dossier's citizen is told, what was sent, and the wording an administrator sets. */
@Resolver(() => Dossier)
export class NotificationResolver {
  @FieldResolver(() => NotificationChannel, {
    nullable: true,
    description: 'How the citizen chose to be told of each turn (null: not told).',
  })
  notifyBy(@Root() dossier: DossierEntity): string | null {
    return dossier.notifyBy;
  }

  @FieldResolver(() => Boolean, {
    description: 'The national portal acknowledged the dossier’s latest status.',
  })
  portalSynced(@Root() dossier: DossierEntity): boolean {
    return dossier.portalSynced;
  }

  @FieldResolver(() => [Dispatch], {
    description: "The citizen's notifications and the portal's pushes, oldest first.",
  })
  dispatches(
    @Root() dossier: DossierEntity,
    @Ctx() context: ApiContext,
  ): Promise<DispatchEntity[]> {
    return dispatchesOf(context.store, dossier.code);
  }

  @Mutation(() => Dossier, {
    description:
      "Changes how the dossier's citizen is told of its turns, or stops it (`channel` null), as they ask at the desk.",
  })
  async setDossierNotifications(
    @Arg('code', () => String) code: string,
    @Arg('channel', () => NotificationChannel, { nullable: true })
    channel: NotificationChannel | null,
    @Ctx() context: ApiContext,
  ): Promise<DossierEntity> {
    const me = signedIn(context);
    await dossierOfAgency(context.store, requiredText(code, 'code'), me.agency.code);
    return chooseNotifications(context.store, code, channel ?? null, context.now());
  }

  @Mutation(() => Boolean, {
    description:
      'The citizen stops the notifications of their dossier, proving it is theirs by the last four digits of their phone.',
  })
  async stopNotifications(
    @Arg('code', () => String) code: string,
    @Arg('phoneLast4', () => String) phoneLast4: string,
    @Ctx() context: ApiContext,
  ): Promise<boolean> {
    const now = context.now();
    const dossier = await citizensDossier(
      context.store,
      requiredText(code, 'code'),
      phoneLast4,
      now,
    );
    await chooseNotifications(context.store, dossier.code, null, now);
    return true;
  }

  @Query(() => [NotificationTemplate], {
    description:
      "Every notification's wording in force, with its placeholders ({code}, {procedure}, {agency}, {appointment}, {amount}, {status}).",
  })
  notificationTemplates(@Ctx() context: ApiContext) {
    return templatesInUse(context.store);
  }

  @Mutation(() => NotificationTemplate, {
    description:
      'Words a notification; the messages sent from then on say it. `text` null: back to the default.',
  })
  setNotificationTemplate(
    @Arg('event', () => NotificationEvent) event: NotificationEvent,
    @Arg('text', () => String, { nullable: true }) text: string | null,
    @Ctx() context: ApiContext,
  ) {
    return setTemplate(context.store, {
      event,
      text: text ?? null,
      by: signedIn(context).username,
      now: context.now(),
    });
  }
}
