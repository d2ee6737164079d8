CREATE TRIGGER dossier_dispatch BEFORE INSERT OR UPDATE OF status_code, appointment_at ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_dispatch();
