CREATE OR REPLACE FUNCTION public.notify_task_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
       BEGIN
         PERFORM pg_notify('task_changed', NEW.id::text);
         RETURN NULL;
       END $function$;
