import type { DataSource } from 'typeorm';
import { HistoryEventEntity } from './entities';

/** An instance's history in the order it happened. */
export function instanceHistory(
  dataSource: DataSource,
  instanceId: string,
): Promise<HistoryEventEntity[]> {
  return dataSource
    .getRepository(HistoryEventEntity)
    .find({ where: { instanceId }, order: { id: 'ASC' } });
}
