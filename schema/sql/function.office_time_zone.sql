CREATE OR REPLACE FUNCTION public.office_time_zone()
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 'Asia/Ho_Chi_Minh'::text $function$;
