import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum NotificationChannel {
  SMS = 'SMS',
  ZALO = 'ZALO',
  EMAIL = 'EMAIL',
}
registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description:
    "How a citizen is told of their dossier's turns: SMS, the office's Zalo account, e-mail.",
});

export enum NotificationEvent {
  RECEIVED = 'RECEIVED',
  SUPPLEMENT = 'SUPPLEMENT',
  PAYMENT = 'PAYMENT',
  APPOINTMENT = 'APPOINTMENT',
  RESULT = 'RESULT',
  REFUSED = 'REFUSED',
}
registerEnumType(NotificationEvent, {
  name: 'NotificationEvent',
  description: 'The turns a citizen is told of.',
  valuesConfig: {
    RECEIVED: { description: 'The dossier was received (Form 01).' },
    SUPPLEMENT: { description: 'Papers are asked for (Form 02).' },
    PAYMENT: { description: 'Fees are asked for.' },
    APPOINTMENT: { description: 'The appointment moved (after a pause, or Form 04).' },
    RESULT: { description: 'The result is ready at the desk.' },
    REFUSED: { description: 'The dossier was refused.' },
  },
});

export enum DispatchTopic {
  NOTIFY = 'NOTIFY',
  PORTAL = 'PORTAL',
}
registerEnumType(DispatchTopic, {
  name: 'DispatchTopic',
  description: "A citizen's notification, or a status pushed to the portal.",
});

export enum DispatchOutcome {
  SENT = 'SENT',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}
registerEnumType(DispatchOutcome, {
  name: 'DispatchOutcome',
  valuesConfig: {
    SENT: { description: 'Accepted by the provider, or acknowledged by the portal.' },
    SKIPPED: { description: 'Not sent: the citizen opted out, or no provider is set up.' },
    FAILED: { description: 'Its tries used up: an incident is open.' },
  },
});

@ObjectType({
  description:
    'What the office sent, or will send, about a dossier: a notification or a status for the portal.',
})
export class Dispatch {
  @Field(() => DispatchTopic)
  topic!: DispatchTopic;

  @Field(() => String, { description: 'A NotificationEvent, or STATUS for the portal.' })
  event!: string;

  @Field(() => Int, { description: 'The dossier status it was written in.' })
  statusCode!: number;

  @Field(() => NotificationChannel, { nullable: true })
  channel!: NotificationChannel | null;

  @Field(() => DispatchOutcome, { nullable: true, description: 'Null: still to be sent.' })
  outcome!: DispatchOutcome | null;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed, or why skipped.' })
  lastError!: string | null;
}

@ObjectType({ description: 'The wording of one notification, with its placeholders.' })
export class NotificationTemplate {
  @Field(() => NotificationEvent)
  event!: NotificationEvent;

  @Field(() => String)
  text!: string;

  @Field(() => Boolean, { description: 'The default wording: no administrator changed it.' })
  isDefault!: boolean;

  @Field(() => String, { nullable: true })
  updatedBy!: string | null;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}
