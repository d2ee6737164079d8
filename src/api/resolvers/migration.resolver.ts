import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  type MigrationRequest,
  migrateInstances,
  previewMigration,
} from '../../commands/migrate-instances';
import { reasonOf } from '../../commands/repair';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import { ElementMappingInput, MigrationPreview, MigrationReport } from '../types/migration.type';
import { signedIn } from './officer.resolver';

/** Migrating running instances to another version of their procedure (designers, administrators). */
@Resolver()
export class MigrationResolver {
  @Query(() => MigrationPreview, {
    description:
      'A dry run (designers, administrators): what the running instances of `fromVersion` would become in `toVersion`, counted by element, with the instances that cannot move and why. The plan itself is checked first: a mistake is an error naming the element.',
  })
  migrationPreview(
    @Arg('key', () => String) key: string,
    @Arg('fromVersion', () => Int) fromVersion: number,
    @Arg('toVersion', () => Int) toVersion: number,
    @Arg('mapping', () => [ElementMappingInput], { nullable: true })
    mapping: ElementMappingInput[] | undefined,
    @Ctx() context: ApiContext,
  ): Promise<MigrationPreview> {
    return previewMigration(
      context.store,
      requestOf(key, fromVersion, toVersion, mapping),
      context.now(),
    );
  }

  @Mutation(() => MigrationReport, {
    description:
      'Moves the running instances of `fromVersion` to `toVersion` (designers, administrators), with a reason (1 to 500 characters counting the history prefix `<key> vN → vM: `): each in its own transaction under its lock, with a history event; tasks keep their ids and holders, timers and step deadlines are counted again from the target, the appointment is untouched. Instances that cannot move (or whose move fails: EXPRESSION_FAILED, or MOVE_FAILED when the database fails midway) stay and are listed; those moved, ended or deleted meanwhile are `skipped`; running it again picks up those still on `fromVersion`.',
  })
  migrateInstances(
    @Arg('key', () => String) key: string,
    @Arg('fromVersion', () => Int) fromVersion: number,
    @Arg('toVersion', () => Int) toVersion: number,
    @Arg('mapping', () => [ElementMappingInput], { nullable: true })
    mapping: ElementMappingInput[] | undefined,
    @Arg('reason', () => String) reason: string,
    @Arg('batchSize', () => Int, { nullable: true, description: 'Instances a page (1–200).' })
    batchSize: number | undefined,
    @Ctx() context: ApiContext,
  ): Promise<MigrationReport> {
    return migrateInstances(context.store, {
      ...requestOf(key, fromVersion, toVersion, mapping),
      reason: reasonOf(reason),
      batchSize,
      by: signedIn(context).username,
      now: context.now(),
      logger: context.logger,
    });
  }
}

function requestOf(
  key: string,
  fromVersion: number,
  toVersion: number,
  mapping: ElementMappingInput[] | undefined,
): MigrationRequest {
  return {
    key: requiredText(key, 'key'),
    fromVersion,
    toVersion,
    mapping: (mapping ?? []).map((line, index) => ({
      from: requiredText(line.from, `mapping[${index}].from`),
      to: requiredText(line.to, `mapping[${index}].to`),
    })),
  };
}
