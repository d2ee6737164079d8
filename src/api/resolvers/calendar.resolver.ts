import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { appointmentFor } from '../../calendar/statutory-duration';
import { AppError, notFound } from '../../errors';
import { deployCalendars, officeCalendar } from '../../store/calendars';
import { latestDefinitionByCode } from '../../store/definitions';
import type { ApiContext } from '../context';
import { optionalText, requiredText } from '../inputs';
import { WorkingCalendarYear } from '../types/calendar.type';

@Resolver()
export class CalendarResolver {
  @Query(() => WorkingCalendarYear, {
    description: 'The days off of a year and where each comes from.',
  })
  async workingCalendar(
    @Arg('year', () => Int) year: number,
    @Ctx() context: ApiContext,
  ): Promise<WorkingCalendarYear> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new AppError('BAD_USER_INPUT', "'year' must be from 2000 to 2100", { field: 'year' });
    }
    const calendar = await officeCalendar(context.store);
    return {
      year,
      provisional: calendar.isProvisional(year),
      daysOff: calendar.daysOff(year),
      swappedWorkingDays: calendar.swappedWorkingDays(year),
    };
  }

  @Query(() => Date, {
    description:
      "The appointment (hẹn trả) a citizen would be told at the desk for a procedure received at this time: its statutory time in working days, after the cut-off (15:00) from the next working day — the cut-off and the desk's closing of the receiving agency when it has reception hours of its own.",
  })
  async expectedAppointment(
    @Arg('procedureCode', () => String) procedureCode: string,
    @Arg('receivedAt', () => Date) receivedAt: Date,
    @Ctx() context: ApiContext,
    @Arg('agencyCode', () => String, {
      nullable: true,
      description: 'The receiving agency; the office-wide hours when not given.',
    })
    agencyCode?: string,
  ): Promise<Date> {
    const code = requiredText(procedureCode, 'procedureCode');
    const definition = await latestDefinitionByCode(context.store, code);
    if (!definition) throw notFound('Procedure', code, { field: 'procedureCode' });
    return new Date(
      appointmentFor(
        (await officeCalendar(context.store)).forAgency(optionalText(agencyCode, 'agencyCode')),
        definition.model.statutoryDuration,
        receivedAt.toISOString(),
        code,
      ),
    );
  }

  @Mutation(() => Boolean, {
    description:
      "Deploys a calendar file: `office` (the working hours deadlines count, as processes/calendars/office.json), a year (its official table, as processes/calendars/2026.json), or `reception.<agency code>` (that agency's reception hours and cut-off). Checked first; true when it changed.",
  })
  async deployCalendar(
    @Arg('name', () => String) name: string,
    @Arg('content', () => GraphQLJSON) content: unknown,
    @Ctx() context: ApiContext,
  ): Promise<boolean> {
    const changed = await deployCalendars(
      context.store,
      [{ name: requiredText(name, 'name'), content }],
      context.now(),
    );
    return changed.length > 0;
  }
}
