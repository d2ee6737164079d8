CREATE OR REPLACE FUNCTION public.step_rollup_trigger()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
   BEGIN
     INSERT INTO step_rollup AS r (definition_id, element_id, day, bucket, shard, completed,
                                   overdue, working_minutes)
     SELECT i.definition_id, NEW.element_id, (NEW.ended_at AT TIME ZONE office_time_zone())::date,
            duration_bucket(COALESCE(NEW.working_minutes, 0)), pg_backend_pid() % 8, 1,
            (NEW.due_at IS NOT NULL AND NEW.ended_at > NEW.due_at)::int,
            COALESCE(NEW.working_minutes, 0)
       FROM process_instance i WHERE i.id = NEW.instance_id
     ON CONFLICT (definition_id, element_id, day, bucket, shard) DO UPDATE
       SET completed = r.completed + 1, overdue = r.overdue + EXCLUDED.overdue,
           working_minutes = r.working_minutes + EXCLUDED.working_minutes;
     RETURN NULL;
   END $function$;
