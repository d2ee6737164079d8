import { readProjectFile } from '../../support/models';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';

describe('the calendar over GraphQL', () => {
  const suite = apiSuite();
  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
  });

  it('tells the appointment a citizen gets at the desk, after Tết', async () => {
    const data = await suite.api.ok(
      `{ late: expectedAppointment(procedureCode: "1.001193", receivedAt: "2026-02-13T08:30:00Z")
         early: expectedAppointment(procedureCode: "1.001193", receivedAt: "2026-03-03T02:00:00Z") }`,
    );
    // Birth registration is done within the working day. Friday 13 February 15:30 is after the
    // cut-off, before nine days of Tết: by the close of Monday 23 February.
    expect(data.late).toBe('2026-02-23T10:00:00.000Z');
    // Tuesday 3 March 09:00: by the close of that day, 17:00.
    expect(data.early).toBe('2026-03-03T10:00:00.000Z');
  });

  it('counts over the official 2025 days off: 30 April to 4 May, National Day to 2 September', async () => {
    const data = await suite.api.ok(
      `{ april: expectedAppointment(procedureCode: "1.001193", receivedAt: "2025-04-29T09:30:00Z")
         september: expectedAppointment(procedureCode: "1.001193", receivedAt: "2025-08-29T09:30:00Z")
         y2025: workingCalendar(year: 2025) { provisional swappedWorkingDays }
         y2027: workingCalendar(year: 2027) { provisional daysOff { date source } } }`,
    );
    // Tuesday 29 April 16:30, after the cut-off: the next working day is Monday 5 May (to 17:00).
    expect(data.april).toBe('2025-05-05T10:00:00.000Z');
    // Friday 29 August 16:30: the next working day is Wednesday 3 September (to 17:00).
    expect(data.september).toBe('2025-09-03T10:00:00.000Z');
    expect(data.y2025).toEqual({ provisional: false, swappedWorkingDays: ['2025-04-26'] });
    expect(data.y2027.provisional).toBe(true);
    expect(data.y2027.daysOff).toContainEqual({ date: '2027-09-01', source: 'provisional' });
  });

  it("counts by the receiving agency's own reception hours: its cut-off and its closing", async () => {
    // Seed 003: An Hòa's desk stays open 30 minutes longer at noon and in the afternoon on
    // Mondays, and receives on Saturday mornings (a cut-off of 16:00 here, for the test).
    const reception = {
      cutoff: '16:00',
      hours: {
        monday: [
          ['07:30', '12:00'],
          ['13:30', '17:30'],
        ],
        tuesday: [
          ['07:30', '11:30'],
          ['13:30', '17:00'],
        ],
        wednesday: [
          ['07:30', '11:30'],
          ['13:30', '17:00'],
        ],
        thursday: [
          ['07:30', '11:30'],
          ['13:30', '17:00'],
        ],
        friday: [
          ['07:30', '11:30'],
          ['13:30', '17:00'],
        ],
        saturday: [['07:30', '11:30']],
      },
    };
    const deploy = (content: unknown) =>
      suite.api.graphql(
        `mutation ($c: JSON!) { deployCalendar(name: "reception.xa-an-hoa", content: $c) }`,
        { c: content },
      );
    const bad = await deploy({ ...reception, cutoff: '25:00' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cutoff' });
    expect((await deploy(reception)).data?.deployCalendar).toBe(true);
    const data = await suite.api.ok(
      `{ anHoa: expectedAppointment(procedureCode: "1.001193", receivedAt: "2026-03-02T08:30:00Z", agencyCode: "xa-an-hoa")
         elsewhere: expectedAppointment(procedureCode: "1.001193", receivedAt: "2026-03-02T08:30:00Z", agencyCode: "xa-khac")
         saturday: expectedAppointment(procedureCode: "1.001193", receivedAt: "2026-03-07T02:00:00Z", agencyCode: "xa-an-hoa") }`,
    );
    // Monday 15:30: before An Hòa's cut-off, so by its Monday closing, 17:30.
    expect(data.anHoa).toBe('2026-03-02T10:30:00.000Z');
    // Elsewhere it is after 15:00: by the close of Tuesday.
    expect(data.elsewhere).toBe('2026-03-03T10:00:00.000Z');
    // Received on Saturday morning: Saturday is no working day, so by Monday's closing.
    expect(data.saturday).toBe('2026-03-09T10:30:00.000Z');
  });

  it('refuses a procedure it does not know, naming it', async () => {
    const result = await suite.api.graphql(
      `{ expectedAppointment(procedureCode: "9.999999", receivedAt: "2026-03-03T02:00:00Z") }`,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'procedureCode',
    });
  });

  it("lists a year's days off with their source", async () => {
    const data = await suite.api.ok(
      `{ workingCalendar(year: 2026) { year daysOff { date reason source } swappedWorkingDays } }`,
    );
    const days = data.workingCalendar.daysOff;
    expect(days.find((d: any) => d.date === '2026-02-18')).toMatchObject({ source: 'table' });
    expect(days.find((d: any) => d.date === '2026-04-26')).toMatchObject({ source: 'statute' });
    expect(days.find((d: any) => d.date === '2026-04-27')).toMatchObject({ source: 'table' });
    expect(
      (await suite.api.graphql(`{ workingCalendar(year: 1900) { year } }`)).errors?.[0].extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it("deploys a new year's table, checked first, and counts with it at once", async () => {
    const deploy = (content: unknown) =>
      suite.api.graphql(`mutation ($c: JSON!) { deployCalendar(name: "2027", content: $c) }`, {
        c: content,
      });
    const table = {
      year: 2027,
      source: 'Quyết định giả định cho bài kiểm thử',
      daysOff: [{ from: '2027-02-05', to: '2027-02-12', reason: 'Tết Nguyên đán Đinh Mùi' }],
      workingDays: [{ date: '2027-02-20', reason: 'Làm bù' }],
    };
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const bad = await deploy({ ...table, daysOff: [{ ...table.daysOff[0], to: '2027-13-01' }] });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'daysOff[0].to',
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);

    expect((await deploy(table)).data?.deployCalendar).toBe(true);
    expect((await deploy(table)).data?.deployCalendar).toBe(false);
    const year = (
      await suite.api.ok(
        `{ workingCalendar(year: 2027) { daysOff { date source } swappedWorkingDays } }`,
      )
    ).workingCalendar;
    expect(year.daysOff).toContainEqual({ date: '2027-02-11', source: 'table' });
    expect(year.swappedWorkingDays).toEqual(['2027-02-20']);
  });
});
