import { Store } from '../src/store/store';
import type { DataSource } from 'typeorm';
import { queryDossiers, type DossierQuery } from '../src/store/dossier-list';
import { DOSSIER_STATUS } from '../src/dossier/life-cycle/status';
import { measureRounds, type Measurement } from './measure';

/**
 * An agency's dossier list as the commune portal asks for it, over the province `fillProvince`
 * wrote: the first page (50, newest first) and the total, unfiltered and under the filters an
 * officer reaches for. The commune's 5,000 dossiers of the year are all resolved, so the
 * in-progress and overdue lists are empty: the page's scan walks every one of them.
 */
export async function benchDossierLists(
  dataSource: DataSource,
  rounds: number,
): Promise<[string, Measurement][]> {
  const agencyCode = 'agency-7';
  const lists: [string, DossierQuery][] = [
    ['newest first', { agencyCode }],
    ['in progress', { agencyCode, statusCode: DOSSIER_STATUS.IN_PROGRESS }],
    ['overdue', { agencyCode, overdue: true }],
    ['one field', { agencyCode, field: 'certification' }],
    [
      'received in one month',
      { agencyCode, receivedFrom: new Date('2025-03-01'), receivedBefore: new Date('2025-04-01') },
    ],
  ];
  const measured: [string, Measurement][] = [];
  for (const [name, query] of lists) {
    const list = () => queryDossiers(Store.of(dataSource), query, { first: 50, withTotal: true });
    await list(); // its plan cached, its pages read once
    measured.push([name, await measureRounds(rounds, list)]);
  }
  return measured;
}
