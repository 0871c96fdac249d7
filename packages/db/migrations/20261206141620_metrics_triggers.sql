-- Monitoring rollups (ADR "metric rollups"): statement-level triggers mark every local day (Europe/Amsterdam) whose
-- rollup a change of the raw rows touches in metric_dirty; the catch-up task recomputes those days whole.
-- Statement-level with transition tables, so a bulk insert marks each day once instead of once per row.
-- A mark that exists already is touched (DO UPDATE, not DO NOTHING): that locks the mark until this transaction
-- commits, so a catch-up running meanwhile skips it (SKIP LOCKED) and cannot recompute the day without this
-- transaction's rows and then forget the mark.

-- The local day of an instant.
CREATE FUNCTION voordeur_local_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (t AT TIME ZONE 'Europe/Amsterdam')::date
$$;
--> statement-breakpoint
-- The age band ('0-17' … '75+') of a birth date (YYYY-MM-DD text) on a day; null when unknown or not a date.
CREATE FUNCTION voordeur_age_band(birth text, d date) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  age int;
BEGIN
  IF birth IS NULL OR birth !~ '^\d{4}-\d{2}-\d{2}$' THEN
    RETURN NULL;
  END IF;
  BEGIN
    age := date_part('year', age(d, birth::date))::int;
  EXCEPTION WHEN others THEN
    RETURN NULL;
  END;
  RETURN CASE
    WHEN age < 0 THEN NULL
    WHEN age < 18 THEN '0-17'
    WHEN age < 30 THEN '18-29'
    WHEN age < 45 THEN '30-44'
    WHEN age < 65 THEN '45-64'
    WHEN age < 75 THEN '65-74'
    ELSE '75+'
  END;
END;
$$;
--> statement-breakpoint
-- contact: the day it started.
CREATE FUNCTION voordeur_metric_dirty_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'contact', voordeur_local_day(started_at) FROM new_rows ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'contact', voordeur_local_day(started_at) FROM old_rows ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- case_file: the day it was made and the day it closed (before and after the change: a reopen clears closed_at).
CREATE FUNCTION voordeur_metric_dirty_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'case', d FROM new_rows
        CROSS JOIN LATERAL (VALUES (voordeur_local_day(created_at)), (voordeur_local_day(closed_at))) AS x(d)
        WHERE d IS NOT NULL ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'case', d FROM old_rows
        CROSS JOIN LATERAL (VALUES (voordeur_local_day(created_at)), (voordeur_local_day(closed_at))) AS x(d)
        WHERE d IS NOT NULL ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- case_event: a reopen counts on its own day ('reopened', or a survey answer that reopened the case).
CREATE FUNCTION voordeur_metric_dirty_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'case', voordeur_local_day(created_at) FROM new_rows
        WHERE kind = 'reopened' OR (kind = 'survey' AND data->>'reopened' = 'true') ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'case', voordeur_local_day(created_at) FROM old_rows
        WHERE kind = 'reopened' OR (kind = 'survey' AND data->>'reopened' = 'true') ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- survey_response: the day it was given.
CREATE FUNCTION voordeur_metric_dirty_survey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'survey', voordeur_local_day(answered_at) FROM new_rows ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'survey', voordeur_local_day(answered_at) FROM old_rows ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- callback: the day it was due.
CREATE FUNCTION voordeur_metric_dirty_callback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'callback', voordeur_local_day(due_at) FROM new_rows ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'callback', voordeur_local_day(due_at) FROM old_rows ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contact_metric_insert AFTER INSERT ON contact REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_contact();
--> statement-breakpoint
CREATE TRIGGER contact_metric_update AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_contact();
--> statement-breakpoint
CREATE TRIGGER contact_metric_delete AFTER DELETE ON contact REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_contact();
--> statement-breakpoint
CREATE TRIGGER case_file_metric_insert AFTER INSERT ON case_file REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_case();
--> statement-breakpoint
CREATE TRIGGER case_file_metric_update AFTER UPDATE ON case_file REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_case();
--> statement-breakpoint
CREATE TRIGGER case_file_metric_delete AFTER DELETE ON case_file REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_case();
--> statement-breakpoint
CREATE TRIGGER case_event_metric_insert AFTER INSERT ON case_event REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_case_event();
--> statement-breakpoint
CREATE TRIGGER case_event_metric_update AFTER UPDATE ON case_event REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_case_event();
--> statement-breakpoint
CREATE TRIGGER case_event_metric_delete AFTER DELETE ON case_event REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_case_event();
--> statement-breakpoint
CREATE TRIGGER survey_response_metric_insert AFTER INSERT ON survey_response REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_survey();
--> statement-breakpoint
CREATE TRIGGER survey_response_metric_update AFTER UPDATE ON survey_response REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_survey();
--> statement-breakpoint
CREATE TRIGGER survey_response_metric_delete AFTER DELETE ON survey_response REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_survey();
--> statement-breakpoint
CREATE TRIGGER callback_metric_insert AFTER INSERT ON callback REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_callback();
--> statement-breakpoint
CREATE TRIGGER callback_metric_update AFTER UPDATE ON callback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_callback();
--> statement-breakpoint
CREATE TRIGGER callback_metric_delete AFTER DELETE ON callback REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_dirty_callback();
--> statement-breakpoint
-- The recompute reads one day of raw rows by instant range: an index per fact's day column.
CREATE INDEX contact_started_idx ON contact (organisation_id, started_at);
--> statement-breakpoint
CREATE INDEX case_created_idx ON case_file (organisation_id, created_at);
--> statement-breakpoint
CREATE INDEX case_closed_idx ON case_file (organisation_id, closed_at) WHERE closed_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX case_event_reopen_idx ON case_event (organisation_id, created_at)
  WHERE kind = 'reopened' OR (kind = 'survey' AND data->>'reopened' = 'true');
--> statement-breakpoint
CREATE INDEX callback_due_idx ON callback (organisation_id, due_at);
--> statement-breakpoint
-- The catch-up's look for open callbacks that fell due (their overdue count changed with time alone).
CREATE INDEX callback_open_due_idx ON callback (due_at) WHERE state <> 'done';
