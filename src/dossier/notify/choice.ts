import { AppError } from '../../errors';
import type { Applicant, NotificationChannel } from '../../store/entities';

/** What each channel reaches the citizen by. */
const CONTACT: Record<NotificationChannel, 'phone' | 'email'> = {
  SMS: 'phone',
  ZALO: 'phone',
  EMAIL: 'email',
};

/**
 * The channel the citizen chose, once it is known they can be reached by it: SMS and Zalo need
 * the applicant's phone, e-mail their address. None chosen: not told.
 */
export function notificationChoice(
  applicant: Applicant,
  channel: NotificationChannel | null | undefined,
): NotificationChannel | null {
  if (!channel) return null;
  const contact = CONTACT[channel];
  if (!applicant[contact]?.trim()) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Notifications by ${channel} need the applicant's ${contact}`,
      { field: `applicant.${contact}` },
    );
  }
  return channel;
}

/** The applicant's address or number for the channel. */
export function contactFor(applicant: Applicant, channel: NotificationChannel): string | null {
  return applicant[CONTACT[channel]]?.trim() || null;
}
