CREATE OR REPLACE FUNCTION public.notify_dossier_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
       BEGIN
         PERFORM pg_notify('dossier_changed', NEW.business_key);
         RETURN NULL;
       END $function$;
