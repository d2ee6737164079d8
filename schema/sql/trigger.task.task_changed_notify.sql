CREATE TRIGGER task_changed_notify AFTER INSERT OR UPDATE ON task FOR EACH ROW EXECUTE FUNCTION notify_task_changed();
