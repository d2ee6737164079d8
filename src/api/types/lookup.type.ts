import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Where a dossier stands, as the citizen is told it. */
export const DossierStage = {
  IN_PROGRESS: 'IN_PROGRESS',
  WAITING_FOR_PAPERS: 'WAITING_FOR_PAPERS',
  DONE: 'DONE',
  STOPPED: 'STOPPED',
} as const;
export type DossierStage = (typeof DossierStage)[keyof typeof DossierStage];
registerEnumType(DossierStage, { name: 'DossierStage' });

@ObjectType({
  description:
    'What anyone with a dossier code may know of it (tra cứu hồ sơ): its progress, never who applied or what they sent.',
})
export class DossierLookup {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true, description: 'The procedure (thủ tục hành chính).' })
  procedureName!: string | null;

  @Field(() => String, { nullable: true })
  procedureCode!: string | null;

  @Field(() => DossierStage)
  stage!: DossierStage;

  @Field(() => String, { description: 'The stage in words for the citizen (Vietnamese).' })
  stageLabel!: string;

  @Field(() => Date, { description: 'When the dossier was received.' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The appointment (hẹn trả kết quả).' })
  appointmentAt!: Date | null;

  @Field(() => Boolean, { description: 'The appointment has passed without a result.' })
  late!: boolean;

  @Field(() => [String], { description: 'The steps under way (their names, not who does them).' })
  currentSteps!: string[];
}
