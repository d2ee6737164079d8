CREATE OR REPLACE FUNCTION public.month_of(at timestamp with time zone)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT date_trunc('month', at AT TIME ZONE office_time_zone())::date $function$;
