CREATE OR REPLACE FUNCTION public.task_inbox_keys()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
       DECLARE
         owner text := COALESCE(NEW.agency,
           (SELECT i.agency FROM process_instance i WHERE i.id = NEW.instance_id), '*');
       BEGIN
         NEW.inbox_keys :=
           ARRAY(SELECT 'user:' || u FROM unnest(NEW.candidate_users) u)
           || ARRAY(SELECT owner || ':' || g FROM unnest(NEW.candidate_groups) g)
           || CASE WHEN cardinality(NEW.candidate_groups) = 0
                    AND cardinality(NEW.candidate_users) = 0
                   THEN ARRAY[owner || ':*'] ELSE '{}'::text[] END;
         RETURN NEW;
       END $function$;
