CREATE OR REPLACE FUNCTION public.month_of(day date)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT date_trunc('month', day)::date $function$;
