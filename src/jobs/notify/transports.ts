import type { NotificationProviders } from '../../config';
import { emailTransport } from './email';
import { smsTransport } from './sms';
import type { Transports } from './transport';
import { zaloTransport } from './zalo';

/** A transport for each channel whose provider is set up. */
export function transportsFrom(providers: NotificationProviders): Transports {
  return {
    ...(providers.email && { EMAIL: emailTransport(providers.email) }),
    ...(providers.sms && { SMS: smsTransport(providers.sms) }),
    ...(providers.zalo && { ZALO: zaloTransport(providers.zalo) }),
  };
}
