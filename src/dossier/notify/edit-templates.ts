import { removeTemplate, saveTemplate, savedTemplates } from '../../store/dispatch';
import type { NotificationEvent } from '../../store/entities';
import type { Store } from '../../store/store';
import { checkTemplate, DEFAULT_TEMPLATES, NOTIFICATION_EVENTS } from './templates';

export interface TemplateInForce {
  event: NotificationEvent;
  text: string;
  isDefault: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Every notification's wording in force: the administrator's, else the default. */
export async function templatesInUse(store: Store): Promise<TemplateInForce[]> {
  const saved = new Map((await savedTemplates(store)).map((t) => [t.event, t]));
  return NOTIFICATION_EVENTS.map((event) => {
    const mine = saved.get(event);
    return mine
      ? { ...mine, isDefault: false }
      : {
          event,
          text: DEFAULT_TEMPLATES[event],
          isDefault: true,
          updatedBy: null,
          updatedAt: null,
        };
  });
}

/**
 * An administrator words a notification; the messages sent from then on say it. `null` goes back
 * to the default.
 */
export async function setTemplate(
  store: Store,
  input: { event: NotificationEvent; text: string | null; by: string; now: Date },
): Promise<TemplateInForce> {
  const text = input.text === null ? null : checkTemplate(input.text);
  await store.transaction(async (tx) => {
    if (text === null) await removeTemplate(tx, input.event);
    else
      await saveTemplate(tx, {
        event: input.event,
        text,
        updatedBy: input.by,
        updatedAt: input.now,
      });
  });
  return (await templatesInUse(store)).find((template) => template.event === input.event)!;
}
