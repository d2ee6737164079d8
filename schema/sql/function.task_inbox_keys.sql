CREATE OR REPLACE FUNCTION public.task_inbox_keys()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
  BEGIN
    NEW.owner_agency := COALESCE(NEW.agency,
      (SELECT i.agency FROM process_instance i WHERE i.id = NEW.instance_id));
    NEW.inbox_keys :=
      ARRAY(SELECT 'user:' || u FROM unnest(NEW.candidate_users) u)
      || ARRAY(SELECT COALESCE(NEW.owner_agency, '*') || ':' || g FROM unnest(NEW.candidate_groups) g)
      || CASE WHEN cardinality(NEW.candidate_groups) = 0 AND cardinality(NEW.candidate_users) = 0
              THEN ARRAY[COALESCE(NEW.owner_agency, '*') || ':*'] ELSE '{}'::text[] END;
    RETURN NEW;
  END $function$;
