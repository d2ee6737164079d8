import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printApiSchema } from '../../../src/api/schema';

describe('schema/schema.graphql', () => {
  it('is what the code generates (run `npm run schema` after changing the API)', async () => {
    const checkedIn = readFileSync(
      path.resolve(__dirname, '../../../schema/schema.graphql'),
      'utf8',
    );
    expect(checkedIn).toBe(await printApiSchema());
  });

  it('keeps the contract front-ends build on', async () => {
    const schema = await printApiSchema();
    for (const line of [
      'deployProcess(bpmnXml: String!): Deployment!',
      'processDefinitions(key: String): [ProcessDefinition!]!',
      'startProcess(businessKey: String, key: String!, variables: JSON): ProcessInstance!',
      'processInstance(id: ID!): ProcessInstance',
      'tasks(after: String, filter: TaskFilter, first: Int): TaskConnection!',
      'claimTask(id: ID!): Task!',
      'assignTask(assignee: String!, id: ID!): Task!',
      'unclaimTask(id: ID!): Task!',
      'completeTask(id: ID!, variables: JSON): Task!',
    ]) {
      expect(schema).toContain(line);
    }
  });
});
