CREATE OR REPLACE FUNCTION public.dossier_dispatch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
  DECLARE
    changed boolean := TG_OP = 'INSERT' OR OLD.status_code IS DISTINCT FROM NEW.status_code;
    moved boolean := TG_OP = 'UPDATE' AND OLD.appointment_at IS NOT NULL
                     AND NEW.appointment_at IS NOT NULL AND OLD.appointment_at <> NEW.appointment_at;
    event varchar := NULL;
  BEGIN
    IF changed THEN
      event := CASE NEW.status_code WHEN 2 THEN 'RECEIVED' WHEN 3 THEN 'REFUSED'
                 WHEN 5 THEN 'SUPPLEMENT' WHEN 6 THEN 'PAYMENT' WHEN 9 THEN 'RESULT' END;
    END IF;
    IF event IS NULL AND moved AND NEW.status_code IN (2, 4, 5)
       AND (OLD.appointment_at AT TIME ZONE office_time_zone())::date
           <> (NEW.appointment_at AT TIME ZONE office_time_zone())::date THEN
      event := 'APPOINTMENT';
    END IF;
    IF event IS NOT NULL AND NEW.notify_by IS NOT NULL THEN
      INSERT INTO dispatch (topic, event, dossier_code, received_day, instance_id, status_code,
                            appointment_at, finished_at, returned_at, channel)
      VALUES ('NOTIFY', event, NEW.code, NEW.received_day, NEW.instance_id, NEW.status_code,
              NEW.appointment_at, NEW.finished_at, NEW.returned_at, NEW.notify_by);
    END IF;
    IF (changed OR moved) AND current_setting('tthc.portal_sync', true) = 'on' THEN
      INSERT INTO dispatch (topic, event, dossier_code, received_day, instance_id, status_code,
                            appointment_at, finished_at, returned_at)
      VALUES ('PORTAL', CASE WHEN changed THEN 'STATUS' ELSE 'APPOINTMENT' END, NEW.code,
              NEW.received_day, NEW.instance_id, NEW.status_code, NEW.appointment_at,
              NEW.finished_at, NEW.returned_at);
      NEW.portal_synced := false;
    END IF;
    RETURN NEW;
  END $function$;
