CREATE OR REPLACE FUNCTION public.ensure_month_partitions(months_ahead integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
   DECLARE
     parent regclass;
     made integer := 0;
     -- Restored at the end: the transaction may be shared (see group-commit.ts).
     previous_timeout text := current_setting('lock_timeout');
   BEGIN
     PERFORM set_config('lock_timeout', '5s', true);
     PERFORM pg_advisory_xact_lock(hashtext('ensure_month_partitions'));
     FOR parent IN
       SELECT p.partrelid::regclass FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND p.partstrat = 'r'
          AND NOT c.relispartition
     LOOP
       FOR m IN -1 .. months_ahead LOOP
         IF ensure_month_partition(parent, (month_of(now()) + m * interval '1 month')::date) THEN
           made := made + 1;
         END IF;
       END LOOP;
     END LOOP;
     PERFORM set_config('lock_timeout', previous_timeout, true);
     RETURN made;
   END $function$;
