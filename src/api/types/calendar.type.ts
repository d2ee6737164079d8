import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A day the office is closed (ngày nghỉ).' })
export class CalendarDayOff {
  @Field(() => String, { description: 'The local date, YYYY-MM-DD.' })
  date!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, {
    description: "statute (the Labour Code) or table (the year's official table)",
  })
  source!: string;
}

@ObjectType({ description: "A year of the office's working calendar." })
export class WorkingCalendarYear {
  @Field(() => Int)
  year!: number;

  @Field(() => [CalendarDayOff])
  daysOff!: CalendarDayOff[];

  @Field(() => [String], { description: 'Weekend days worked in exchange for a day off.' })
  swappedWorkingDays!: string[];
}
