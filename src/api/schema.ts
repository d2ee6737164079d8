import { GraphQLDateTime } from 'graphql-scalars';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { ChangeStreams } from './change-feed';
import { authorizeRootFields } from './authorization';
import { CatalogueResolver } from './resolvers/catalogue.resolver';
import { ConsistencyResolver } from './resolvers/consistency.resolver';
import { MigrationResolver } from './resolvers/migration.resolver';
import { DeploymentResolver } from './resolvers/deployment.resolver';
import { DecisionResolver } from './resolvers/decision.resolver';
import { DeskNoticeResolver } from './resolvers/desk-notice.resolver';
import { DossierResolver } from './resolvers/dossier.resolver';
import { DossierPaperResolver } from './resolvers/dossier-paper.resolver';
import { CalendarResolver } from './resolvers/calendar.resolver';
import { FeedbackResolver } from './resolvers/feedback.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { JobResolver } from './resolvers/job.resolver';
import { DossierStatusResolver } from './resolvers/dossier-status.resolver';
import { MessageResolver } from './resolvers/message.resolver';
import { MetricsResolver } from './resolvers/metrics.resolver';
import { MyTasksResolver } from './resolvers/my-tasks.resolver';
import { NotificationResolver } from './resolvers/notification.resolver';
import { OfficerResolver } from './resolvers/officer.resolver';
import { ProcessDefinitionResolver } from './resolvers/process-definition.resolver';
import { ProcessInstanceResolver } from './resolvers/process-instance.resolver';
import { SubscriptionResolver } from './resolvers/subscription.resolver';
import { TaskResolver } from './resolvers/task.resolver';
import { TaskFormResolver } from './resolvers/task-form.resolver';
import { WhatIfResolver } from './resolvers/what-if.resolver';

/**
 * The GraphQL schema, built from the resolver classes. `changes` carries the subscriptions'
 * events (type-graphql wants it even though our subscriptions read it through the context);
 * `nationalReporting` refuses what a national reporting server does not answer.
 */
export async function buildApiSchema(
  changes: PubSub = new ChangeStreams(),
  options: { nationalReporting?: boolean } = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    pubSub: changes,
    resolvers: [
      ConsistencyResolver,
      MigrationResolver,
      DeploymentResolver,
      DecisionResolver,
      ProcessDefinitionResolver,
      ProcessInstanceResolver,
      TaskResolver,
      TaskFormResolver,
      MessageResolver,
      MetricsResolver,
      WhatIfResolver,
      JobResolver,
      IncidentResolver,
      CalendarResolver,
      OfficerResolver,
      MyTasksResolver,
      SubscriptionResolver,
      DossierStatusResolver,
      DossierResolver,
      NotificationResolver,
      DossierPaperResolver,
      DeskNoticeResolver,
      CatalogueResolver,
      FeedbackResolver,
    ],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
  });
  return authorizeRootFields(schema, options);
}

/** The schema as checked in at schema/schema.graphql, sorted so that diffs stay small. */
export async function printApiSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
}
