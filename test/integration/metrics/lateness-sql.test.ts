import { OPEN_LATENESS_SQL, openLateness } from '../../../src/calendar/timeliness';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The SQL that counts open dossiers overdue or untimed gives, for every combination of the facts
 * it reads, the answer of the lateness rule itself.
 */
describe('the lateness rule in SQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('agrees with openLateness on every combination', async () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const appointments = [null, new Date('2026-03-02T09:00:00Z'), new Date('2026-03-02T11:00:00Z')];
    const cases = appointments.flatMap((appointmentAt) =>
      [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => ({
        appointmentAt,
        lateMarked: (bits & 1) > 0,
        overdue: (bits & 2) > 0,
        clockPaused: (bits & 4) > 0,
      })),
    );
    const rows = (await database.dataSource.query(
      `SELECT ${OPEN_LATENESS_SQL.untimed} AS untimed, ${OPEN_LATENESS_SQL.overdue('$2')} AS overdue,
              ${OPEN_LATENESS_SQL.flagged} AS flagged, ${OPEN_LATENESS_SQL.passed('$2')} AS passed
         FROM jsonb_to_recordset($1::jsonb)
              AS d(appointment_at timestamptz, late_marked boolean, overdue boolean, clock_paused boolean)`,
      [
        JSON.stringify(
          cases.map((c) => ({
            appointment_at: c.appointmentAt,
            late_marked: c.lateMarked,
            overdue: c.overdue,
            clock_paused: c.clockPaused,
          })),
        ),
        now,
      ],
    )) as { untimed: boolean; overdue: boolean; flagged: boolean; passed: boolean }[];
    const fromSql = rows.map((row) =>
      row.untimed ? 'UNTIMED' : row.overdue ? 'OVERDUE' : 'WITHIN_TIME',
    );
    expect(fromSql).toEqual(cases.map((c) => openLateness(c, now)));
    expect(new Set(fromSql)).toEqual(new Set(['UNTIMED', 'OVERDUE', 'WITHIN_TIME']));
    // The two sets the overdue ones are counted from: each overdue dossier in exactly one.
    expect(rows.map((row) => Number(row.flagged) + Number(row.passed))).toEqual(
      rows.map((row) => (row.overdue ? 1 : 0)),
    );
  });
});
