CREATE OR REPLACE FUNCTION public.notify_job_due()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
       BEGIN
         PERFORM pg_notify('job_due', TG_OP);
         RETURN NULL;
       END $function$;
