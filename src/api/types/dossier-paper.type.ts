import { Field, Int, ObjectType } from 'type-graphql';
import { ComponentKind } from './dossier.type';

@ObjectType({
  description:
    "A paper's file, as an online submission carried it; its bytes download at `downloadPath` (signed in, like the forms).",
})
export class DossierPaper {
  @Field(() => Int, { description: "Its place among the submission's papers, from 0." })
  position!: number;

  @Field(() => String, { description: 'The component (thành phần hồ sơ) it is.' })
  name!: string;

  @Field(() => ComponentKind)
  kind!: keyof typeof ComponentKind;

  @Field(() => String, {
    nullable: true,
    description: "The file's name as uploaded, if the portal said.",
  })
  fileName!: string | null;

  @Field(() => String, { description: 'application/pdf, image/jpeg or image/png.' })
  contentType!: string;

  @Field(() => Int, { description: 'In bytes.' })
  size!: number;

  @Field(() => String, { description: 'The hex SHA-256 of its bytes, as received.' })
  sha256!: string;

  @Field(() => String, { description: '`/dossiers/<code>/papers/<position>`: the file itself.' })
  downloadPath!: string;
}
