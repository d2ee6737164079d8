CREATE OR REPLACE FUNCTION public.ensure_month_partition(parent regclass, month date)
 RETURNS boolean
 LANGUAGE plpgsql
AS $function$
   DECLARE
     key text := substring(pg_get_partkeydef(parent) FROM '^RANGE \((\w+)\)$');
     schema_name text;
     partition_name text;
     is_day boolean;
     low text;
     high text;
   BEGIN
     month := date_trunc('month', month)::date;
     SELECT n.nspname, c.relname || to_char(month, '"_y"YYYY"m"MM')
       INTO schema_name, partition_name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = parent;
     IF to_regclass(format('%I.%I', schema_name, partition_name)) IS NOT NULL THEN
       RETURN false;
     END IF;
     SELECT atttypid = 'date'::regtype INTO is_day
       FROM pg_attribute WHERE attrelid = parent AND attname = key;
     IF is_day THEN
       low := quote_literal(month);
       high := quote_literal((month + interval '1 month')::date);
     ELSE
       low := quote_literal(month::timestamp AT TIME ZONE office_time_zone());
       high := quote_literal((month + interval '1 month')::timestamp AT TIME ZONE office_time_zone());
     END IF;
     EXECUTE format('CREATE TEMP TABLE month_partition_moved ON COMMIT DROP AS
                       WITH moved AS (DELETE FROM %s WHERE %I >= %s AND %I < %s RETURNING *)
                       SELECT * FROM moved', parent, key, low, key, high);
     EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%s) TO (%s)',
                    schema_name, partition_name, parent, low, high);
     EXECUTE format('INSERT INTO %s SELECT * FROM month_partition_moved', parent);
     DROP TABLE month_partition_moved;
     RETURN true;
   END $function$;
