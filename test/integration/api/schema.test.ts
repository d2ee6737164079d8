import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isNonNullType } from 'graphql';
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
      'processInstance(id: ID!): ProcessInstance',
      'tasks(after: String, filter: TaskFilter, first: Int): TaskConnection!',
      'claimTask(id: ID!): Task!',
      'assignTask(assignee: String!, id: ID!): Task!',
      'unclaimTask(id: ID!): Task!',
      'completeTask(id: ID!, variables: JSON): Task!',
    ]) {
      expect(schema).toContain(line);
    }
    // Arguments added since (startEventId) are optional: the calls front-ends make still fit.
    const startProcess = buildSchema(schema).getMutationType()!.getFields().startProcess;
    expect(String(startProcess.type)).toBe('ProcessInstance!');
    const args = Object.fromEntries(startProcess.args.map((a) => [a.name, String(a.type)]));
    expect(args).toMatchObject({ businessKey: 'String', key: 'String!', variables: 'JSON' });
    expect(startProcess.args.filter((a) => isNonNullType(a.type)).map((a) => a.name)).toEqual([
      'key',
    ]);
  });
});
