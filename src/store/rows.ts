import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A row read with plain SQL as its entity: columns renamed to properties and their values read
 * (a date as its day, say) by the entity's own metadata and the driver, as TypeORM's own reads
 * do. For the hot paths (a step locks its instance and reads its task, a list's page), where
 * TypeORM's query builder costs more CPU than the query itself.
 */
export function entityFromRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const entity = Object.create(
    metadata.target instanceof Function ? metadata.target.prototype : null,
  ) as T;
  for (const column of metadata.columns) {
    if (column.isSelect && column.databaseName in row) {
      (entity as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(
        row[column.databaseName],
        column,
      );
    }
  }
  return entity;
}
