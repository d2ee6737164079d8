CREATE OR REPLACE FUNCTION public.dossier_rollup_trigger()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
   BEGIN
     IF TG_OP = 'UPDATE' AND (SELECT m FROM dossier_measures(OLD) m)
                             IS NOT DISTINCT FROM (SELECT m FROM dossier_measures(NEW) m) THEN
       RETURN NULL;
     END IF;
     IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dossier_rollup_apply(OLD, -1); END IF;
     IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM dossier_rollup_apply(NEW, 1); END IF;
     RETURN NULL;
   END $function$;
