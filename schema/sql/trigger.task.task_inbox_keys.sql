CREATE TRIGGER task_inbox_keys BEFORE INSERT OR UPDATE OF agency, candidate_groups, candidate_users ON task FOR EACH ROW EXECUTE FUNCTION task_inbox_keys();
