import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A day the office is closed (ngày nghỉ).' })
export class CalendarDayOff {
  @Field(() => String, { description: 'The local date, YYYY-MM-DD.' })
  date!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, {
    description:
      "statute (the Labour Code), table (the year's official table) or provisional (computed from the Labour Code — the day next to National Day and compensatory days — while the year has no table)",
  })
  source!: string;
}

@ObjectType({ description: "A year of the office's working calendar." })
export class WorkingCalendarYear {
  @Field(() => Int)
  year!: number;

  @Field(() => Boolean, {
    description:
      "True while no official table of the year is deployed: its days off are computed from the Labour Code and may change when the government's notice is deployed (deployCalendar).",
  })
  provisional!: boolean;

  @Field(() => [CalendarDayOff])
  daysOff!: CalendarDayOff[];

  @Field(() => [String], { description: 'Weekend days worked in exchange for a day off.' })
  swappedWorkingDays!: string[];
}
