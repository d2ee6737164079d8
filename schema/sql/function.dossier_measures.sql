CREATE OR REPLACE FUNCTION public.dossier_measures(d dossier)
 RETURNS TABLE(day date, agency_code character varying, procedure_key character varying, field character varying, channel character varying, officer character varying, received integer, resolved integer, early integer, on_time integer, late integer, refused integer, withdrawn integer, stopped integer, online_full integer, online_partial integer, digitized integer, reused integer, with_fee integer, cashless integer, electronic_results integer, electronic_copies integer, joint integer, processing_minutes bigint, returned integer, with_electronic_copies integer, unsatisfied integer, untimed integer, returned_at_desk integer, returned_by_post integer, returned_at_home integer, returned_online integer, resolved_same_day integer, home_round_trip integer, in_progress integer, in_progress_untimed integer, synchronized integer)
 LANGUAGE sql
 IMMUTABLE
AS $function$
     SELECT d.received_day, d.agency_code, d.procedure_key, d.field, d.channel, d.received_by,
            1,
            (d.outcome IS NOT NULL)::int,
            (d.outcome IS NOT DISTINCT FROM 'EARLY')::int,
            (d.outcome IS NOT DISTINCT FROM 'ON_TIME')::int,
            (d.outcome IS NOT DISTINCT FROM 'LATE')::int,
            (d.status_code = 3)::int,
            (d.status_code = 7)::int,
            (d.status_code = 8)::int,
            (d.channel = 'ONLINE_FULL')::int,
            (d.channel = 'ONLINE_PARTIAL')::int,
            (jsonb_array_length(d.components) > 0 AND NOT jsonb_path_exists(
               d.components, '$[*] ? (@.digitized != true)'))::int,
            jsonb_path_exists(d.components, '$[*].reusedFrom')::int,
            (d.fee_amount > 0)::int,
            (d.fee_amount > 0 AND d.paid_cashless)::int,
            (COALESCE(d.result_electronic, false)
             OR (d.result_signed AND d.status_code = 10))::int,
            d.electronic_copies,
            (d.field = 'joint')::int,
            COALESCE(d.processing_minutes, 0)::bigint,
            (d.status_code = 10)::int,
            (d.electronic_copies > 0)::int,
            (d.satisfied IS FALSE)::int,
            (d.outcome IS NOT DISTINCT FROM 'UNTIMED')::int,
            (d.return_method IS NOT DISTINCT FROM 'AT_DESK')::int,
            (d.return_method IS NOT DISTINCT FROM 'BY_POST')::int,
            (d.return_method IS NOT DISTINCT FROM 'AT_HOME')::int,
            (d.return_method IS NOT DISTINCT FROM 'ONLINE')::int,
            (d.outcome IS NOT NULL
             AND (d.finished_at AT TIME ZONE office_time_zone())::date = d.received_day)::int,
            (d.channel = 'AT_HOME' AND d.return_method IS NOT DISTINCT FROM 'AT_HOME')::int,
            (d.finished_at IS NULL)::int,
            (d.finished_at IS NULL AND d.appointment_at IS NULL)::int,
            d.portal_synced::int
   $function$;
