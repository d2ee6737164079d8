CREATE OR REPLACE FUNCTION public.dossier_rollup_apply(d dossier, sign integer)
 RETURNS void
 LANGUAGE sql
AS $function$
     INSERT INTO dossier_rollup AS r (grain, span, day, agency_code, procedure_key, field,
                                      channel, officer, received, resolved, early, on_time, late, refused, withdrawn, stopped, online_full, online_partial, digitized, reused, with_fee, cashless, electronic_results, electronic_copies, joint, processing_minutes, returned, with_electronic_copies, unsatisfied, untimed, returned_at_desk, returned_by_post, returned_at_home, returned_online, resolved_same_day, home_round_trip, in_progress, in_progress_untimed, synchronized)
     SELECT g.grain, s.span,
            CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END AS day,
            m.agency_code,
            CASE WHEN g.grain = 'procedure' THEN m.procedure_key ELSE '' END AS procedure_key,
            CASE WHEN g.grain = 'procedure' THEN m.field ELSE '' END AS field,
            CASE WHEN g.grain = 'procedure' THEN m.channel ELSE '' END AS channel,
            CASE WHEN g.grain = 'officer' THEN m.officer ELSE '' END AS officer,
            sign * m.received, sign * m.resolved, sign * m.early, sign * m.on_time, sign * m.late, sign * m.refused, sign * m.withdrawn, sign * m.stopped, sign * m.online_full, sign * m.online_partial, sign * m.digitized, sign * m.reused, sign * m.with_fee, sign * m.cashless, sign * m.electronic_results, sign * m.electronic_copies, sign * m.joint, sign * m.processing_minutes, sign * m.returned, sign * m.with_electronic_copies, sign * m.unsatisfied, sign * m.untimed, sign * m.returned_at_desk, sign * m.returned_by_post, sign * m.returned_at_home, sign * m.returned_online, sign * m.resolved_same_day, sign * m.home_round_trip, sign * m.in_progress, sign * m.in_progress_untimed, sign * m.synchronized
       FROM dossier_measures(d) m, (VALUES ('agency'), ('officer'), ('procedure')) AS g(grain),
            (VALUES ('day'), ('month')) AS s(span)
     ON CONFLICT (grain, span, day, agency_code, procedure_key, field, channel, officer) DO UPDATE SET
       received = r.received + EXCLUDED.received, resolved = r.resolved + EXCLUDED.resolved, early = r.early + EXCLUDED.early, on_time = r.on_time + EXCLUDED.on_time, late = r.late + EXCLUDED.late, refused = r.refused + EXCLUDED.refused, withdrawn = r.withdrawn + EXCLUDED.withdrawn, stopped = r.stopped + EXCLUDED.stopped, online_full = r.online_full + EXCLUDED.online_full, online_partial = r.online_partial + EXCLUDED.online_partial, digitized = r.digitized + EXCLUDED.digitized, reused = r.reused + EXCLUDED.reused, with_fee = r.with_fee + EXCLUDED.with_fee, cashless = r.cashless + EXCLUDED.cashless, electronic_results = r.electronic_results + EXCLUDED.electronic_results, electronic_copies = r.electronic_copies + EXCLUDED.electronic_copies, joint = r.joint + EXCLUDED.joint, processing_minutes = r.processing_minutes + EXCLUDED.processing_minutes, returned = r.returned + EXCLUDED.returned, with_electronic_copies = r.with_electronic_copies + EXCLUDED.with_electronic_copies, unsatisfied = r.unsatisfied + EXCLUDED.unsatisfied, untimed = r.untimed + EXCLUDED.untimed, returned_at_desk = r.returned_at_desk + EXCLUDED.returned_at_desk, returned_by_post = r.returned_by_post + EXCLUDED.returned_by_post, returned_at_home = r.returned_at_home + EXCLUDED.returned_at_home, returned_online = r.returned_online + EXCLUDED.returned_online, resolved_same_day = r.resolved_same_day + EXCLUDED.resolved_same_day, home_round_trip = r.home_round_trip + EXCLUDED.home_round_trip, in_progress = r.in_progress + EXCLUDED.in_progress, in_progress_untimed = r.in_progress_untimed + EXCLUDED.in_progress_untimed, synchronized = r.synchronized + EXCLUDED.synchronized;
     INSERT INTO dossier_duration_rollup AS r (span, day, agency_code, bucket, resolved)
     SELECT s.span, CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END,
            m.agency_code, duration_bucket(m.processing_minutes), sign
       FROM dossier_measures(d) m, (VALUES ('day'), ('month')) AS s(span)
      WHERE m.resolved = 1
     ON CONFLICT (span, day, agency_code, bucket) DO UPDATE SET resolved = r.resolved + EXCLUDED.resolved
   $function$;
