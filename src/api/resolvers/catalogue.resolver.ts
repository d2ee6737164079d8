import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { publishedProcedures } from '../../dossier/catalogue';
import type { ApiContext } from '../context';
import { optionalText } from '../inputs';
import { DossierComponent, dossierComponents } from '../types/process-definition.type';

@ObjectType({
  description:
    'A procedure as an office must post it (công khai thủ tục hành chính): steps, papers, time, fees.',
})
class Procedure {
  @Field(() => String, { description: 'The process key, for receiveDossier.' })
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { description: 'The national procedure code, e.g. 1.001193.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  englishName!: string | null;

  @Field(() => String, { nullable: true, description: 'The field (lĩnh vực).' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: 'The statutory time; none: not yet set.' })
  statutoryDuration!: string | null;

  @Field(() => String, { nullable: true, description: 'The fee rule as published.' })
  fee!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'How reception computes the fee, in đồng (FEEL over the form data and the papers, e.g. `8000 * copies`); none: the officer assesses it.',
  })
  feeRule!: string | null;

  @Field(() => [String], {
    description: 'Values still to be confirmed against the legal text (statutoryDuration, fee).',
  })
  unverified!: string[];

  @Field(() => [DossierComponent])
  components!: DossierComponent[];

  @Field(() => [String], { description: "The officers' steps, in order." })
  steps!: string[];
}

@Resolver()
export class CatalogueResolver {
  @Query(() => [Procedure], {
    description:
      'The public catalogue of procedures, by field, searchable by name or code with or without diacritics.',
  })
  async procedures(
    @Arg('field', () => String, { nullable: true }) field: string | undefined,
    @Arg('search', () => String, { nullable: true }) search: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<Procedure[]> {
    const procedures = await publishedProcedures(context.store, {
      field: optionalText(field, 'field'),
      search: optionalText(search, 'search'),
    });
    return procedures.map((procedure) => ({
      ...procedure,
      components: dossierComponents(procedure.components),
    }));
  }
}
