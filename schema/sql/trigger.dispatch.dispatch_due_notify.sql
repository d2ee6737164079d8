CREATE TRIGGER dispatch_due_notify AFTER INSERT ON dispatch FOR EACH STATEMENT EXECUTE FUNCTION notify_job_due();
