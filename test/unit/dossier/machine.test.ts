import { DOSSIER_STATUS, type DossierStatusName } from '../../../src/dossier/life-cycle/status';
import {
  DOSSIER_TRANSITIONS,
  moveOf,
  statusesAllowing,
  transition,
  type DossierEvent,
} from '../../../src/dossier/life-cycle/machine';
import { dossierOutcome, openLateness } from '../../../src/calendar/timeliness';
import { DEFAULT_CALENDAR } from '../../../src/calendar/defaults';

const dossier = (status: DossierStatusName) => ({
  code: 'X-1',
  statusCode: DOSSIER_STATUS[status],
});
const STATUSES = Object.keys(DOSSIER_STATUS) as DossierStatusName[];
const EVENTS = Object.keys(DOSSIER_TRANSITIONS) as DossierEvent[];

describe('the dossier machine', () => {
  it('takes a dossier from reception to its result and back to the citizen', () => {
    let status: DossierStatusName = 'RECEIVED';
    const walk: [DossierEvent, string | undefined][] = [];
    for (const event of [
      'STEP_DONE',
      'REQUEST_SUPPLEMENT',
      'SUBMIT_SUPPLEMENT',
      'REQUEST_PAYMENT',
      'PAYMENT_COMPLETE',
      'EXTEND',
      'RESULT_READY',
      'PAY',
      'RETURN',
    ] as DossierEvent[]) {
      const next = transition(dossier(status), event);
      walk.push([event, next.form]);
      status = next.to;
    }
    expect(status).toBe('RETURNED');
    // The forms issued on the way: the supplement request and the apology with a new date.
    expect(walk.filter(([, form]) => form)).toEqual([
      ['REQUEST_SUPPLEMENT', '02'],
      ['EXTEND', '04'],
    ]);
  });

  it('ends a dossier before its result with the form that says why', () => {
    expect(transition(dossier('RECEIVED'), 'REFUSE')).toEqual({ to: 'REFUSED', form: '03' });
    expect(transition(dossier('IN_PROGRESS'), 'STOP')).toEqual({ to: 'STOPPED', form: '05' });
    expect(transition(dossier('PAYMENT_REQUESTED'), 'WITHDRAW')).toEqual({
      to: 'WITHDRAWAL_REQUESTED',
    });
  });

  it('refuses every event a status does not allow, naming the status and those that do', () => {
    for (const event of EVENTS) {
      for (const status of STATUSES) {
        const allowed = DOSSIER_TRANSITIONS[event][status] !== undefined;
        const attempt = () => transition(dossier(status), event);
        if (allowed) expect(attempt).not.toThrow();
        else
          expect(attempt).toThrow(
            expect.objectContaining({
              code: 'DOSSIER_INVALID_STATE',
              details: expect.objectContaining({ status }),
              message: expect.stringContaining(`only when ${statusesAllowing(event).join(' or ')}`),
            }),
          );
      }
    }
    // Nothing moves a finished dossier but its payment and its return.
    for (const status of ['REFUSED', 'STOPPED', 'WITHDRAWAL_REQUESTED', 'RETURNED'] as const)
      expect(EVENTS.filter((e) => DOSSIER_TRANSITIONS[e][status])).toEqual([]);
    expect(EVENTS.filter((e) => DOSSIER_TRANSITIONS[e].PROCESSED)).toEqual(['PAY', 'RETURN']);
  });

  it('gives the SQL of the process-driven moves the same table', () => {
    expect(moveOf('RESULT_READY')).toEqual({ from: [2, 4, 5, 6], to: 9 });
    expect(moveOf('PROCESS_ENDED')).toEqual({ from: [2, 4, 5, 6], to: 8 });
    expect(moveOf('STEP_DONE')).toEqual({ from: [2], to: 4 });
  });
});

describe('the lateness rule', () => {
  const due = new Date('2026-03-02T10:00:00Z');
  const facts = { appointmentAt: due, lateMarked: false, overdue: false, clockPaused: false };

  it('judges a result at the desk: untimed without an appointment, late by rule, else by the day', () => {
    const judge = (readyAt: string, appointment: Date | null, lateMarked = false) =>
      dossierOutcome(new Date(readyAt), appointment, lateMarked, DEFAULT_CALENDAR);
    expect(judge('2026-03-09T02:00:00Z', null)).toBe('UNTIMED');
    expect(judge('2026-03-09T02:00:00Z', null, true)).toBe('UNTIMED');
    expect(judge('2026-03-02T02:00:00Z', due, true)).toBe('LATE');
    expect(judge('2026-02-27T02:00:00Z', due)).toBe('EARLY');
    expect(judge('2026-03-02T09:59:00Z', due)).toBe('ON_TIME');
    expect(judge('2026-03-02T10:01:00Z', due)).toBe('LATE');
  });

  it('counts an open dossier overdue when late by rule or past its appointment with the clock running', () => {
    const before = new Date('2026-03-02T09:00:00Z');
    const after = new Date('2026-03-02T11:00:00Z');
    expect(openLateness({ ...facts, appointmentAt: null, lateMarked: true }, after)).toBe(
      'UNTIMED',
    );
    expect(openLateness(facts, before)).toBe('WITHIN_TIME');
    expect(openLateness(facts, after)).toBe('OVERDUE');
    expect(openLateness({ ...facts, clockPaused: true }, after)).toBe('WITHIN_TIME');
    expect(openLateness({ ...facts, lateMarked: true }, before)).toBe('OVERDUE');
    expect(openLateness({ ...facts, overdue: true }, before)).toBe('OVERDUE');
  });
});
