CREATE OR REPLACE FUNCTION public.dossier_dispatch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
  DECLARE
    changed boolean := TG_OP = 'INSERT' OR OLD.status_code IS DISTINCT FROM NEW.status_code;
    event varchar := NULL;
  BEGIN
    IF changed THEN
      event := CASE NEW.status_code WHEN 2 THEN 'RECEIVED' WHEN 3 THEN 'REFUSED'
                 WHEN 5 THEN 'SUPPLEMENT' WHEN 6 THEN 'PAYMENT' WHEN 9 THEN 'RESULT' END;
    ELSIF OLD.appointment_at IS NOT NULL AND NEW.appointment_at IS NOT NULL
          AND OLD.appointment_at <> NEW.appointment_at AND NEW.status_code IN (2, 4) THEN
      event := 'APPOINTMENT';
    END IF;
    IF event IS NOT NULL AND NEW.notify_by IS NOT NULL THEN
      INSERT INTO dispatch (topic, event, dossier_code, received_day, instance_id, status_code,
                            appointment_at, channel)
      VALUES ('NOTIFY', event, NEW.code, NEW.received_day, NEW.instance_id, NEW.status_code,
              NEW.appointment_at, NEW.notify_by);
    END IF;
    IF changed AND current_setting('tthc.portal_sync', true) = 'on' THEN
      INSERT INTO dispatch (topic, event, dossier_code, received_day, instance_id, status_code,
                            appointment_at)
      VALUES ('PORTAL', 'STATUS', NEW.code, NEW.received_day, NEW.instance_id, NEW.status_code,
              NEW.appointment_at);
      NEW.portal_synced := false;
    END IF;
    RETURN NEW;
  END $function$;
