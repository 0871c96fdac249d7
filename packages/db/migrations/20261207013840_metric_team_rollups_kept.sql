-- The team rollups (ADR 0030, addendum): the sums of each daily rollup per organisation × day × channel × team
-- only, kept equal to the daily rollups by statement triggers on them. Whoever writes a daily rollup (the recompute,
-- a rebuild, a fixture) keeps the team rollup of the same days right; no writer has to remember it.

-- Recomputes the team rollup of contacts for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_contact_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_contact_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_contact_team_day (organisation_id, day, channel, team_id, contacts, answered, handed_over, callbacks, referred, not_helped, unrecorded, repeats, status_inquiries, handling_seconds, waited, wait_seconds)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.contacts), sum(r.answered), sum(r.handed_over), sum(r.callbacks), sum(r.referred), sum(r.not_helped), sum(r.unrecorded), sum(r.repeats), sum(r.status_inquiries), sum(r.handling_seconds), sum(r.waited), sum(r.wait_seconds)
    FROM metric_contact_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_contact_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM old_rows) x;
  ELSE
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT organisation_id, day FROM old_rows UNION SELECT organisation_id, day FROM new_rows) x;
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM voordeur_metric_contact_team_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_team_insert AFTER INSERT ON metric_contact_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_team();
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_team_update AFTER UPDATE ON metric_contact_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_team();
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_team_delete AFTER DELETE ON metric_contact_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_team();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_contact_team_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_contact_day) x;
--> statement-breakpoint
-- Recomputes the team rollup of cases for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_case_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_case_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_case_team_day (organisation_id, day, channel, team_id, opened, closed, closed_in_norm, closed_in_target, reopened, merged, resolution_minutes, resolution_days, complaints_closed, complaints_in_term, complaints_founded, complaints_partly_founded, complaints_unfounded, complaints_withdrawn)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.opened), sum(r.closed), sum(r.closed_in_norm), sum(r.closed_in_target), sum(r.reopened), sum(r.merged), sum(r.resolution_minutes), ARRAY[coalesce(sum(r.resolution_days[1]), 0), coalesce(sum(r.resolution_days[2]), 0), coalesce(sum(r.resolution_days[3]), 0), coalesce(sum(r.resolution_days[4]), 0), coalesce(sum(r.resolution_days[5]), 0), coalesce(sum(r.resolution_days[6]), 0), coalesce(sum(r.resolution_days[7]), 0), coalesce(sum(r.resolution_days[8]), 0), coalesce(sum(r.resolution_days[9]), 0), coalesce(sum(r.resolution_days[10]), 0), coalesce(sum(r.resolution_days[11]), 0), coalesce(sum(r.resolution_days[12]), 0), coalesce(sum(r.resolution_days[13]), 0), coalesce(sum(r.resolution_days[14]), 0), coalesce(sum(r.resolution_days[15]), 0), coalesce(sum(r.resolution_days[16]), 0), coalesce(sum(r.resolution_days[17]), 0), coalesce(sum(r.resolution_days[18]), 0), coalesce(sum(r.resolution_days[19]), 0), coalesce(sum(r.resolution_days[20]), 0), coalesce(sum(r.resolution_days[21]), 0), coalesce(sum(r.resolution_days[22]), 0), coalesce(sum(r.resolution_days[23]), 0), coalesce(sum(r.resolution_days[24]), 0), coalesce(sum(r.resolution_days[25]), 0), coalesce(sum(r.resolution_days[26]), 0), coalesce(sum(r.resolution_days[27]), 0), coalesce(sum(r.resolution_days[28]), 0), coalesce(sum(r.resolution_days[29]), 0), coalesce(sum(r.resolution_days[30]), 0), coalesce(sum(r.resolution_days[31]), 0), coalesce(sum(r.resolution_days[32]), 0)]::integer[], sum(r.complaints_closed), sum(r.complaints_in_term), sum(r.complaints_founded), sum(r.complaints_partly_founded), sum(r.complaints_unfounded), sum(r.complaints_withdrawn)
    FROM metric_case_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_case_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM old_rows) x;
  ELSE
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT organisation_id, day FROM old_rows UNION SELECT organisation_id, day FROM new_rows) x;
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM voordeur_metric_case_team_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_case_day_team_insert AFTER INSERT ON metric_case_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_case_team();
--> statement-breakpoint
CREATE TRIGGER metric_case_day_team_update AFTER UPDATE ON metric_case_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_case_team();
--> statement-breakpoint
CREATE TRIGGER metric_case_day_team_delete AFTER DELETE ON metric_case_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_case_team();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_case_team_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_case_day) x;
--> statement-breakpoint
-- Recomputes the team rollup of surveys for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_survey_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_survey_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_survey_team_day (organisation_id, day, channel, team_id, responses, grade_sum, grade_squares, grades, grade_at_least_7, grade_at_most_5, effort_sum, effort_answers, solved_yes, solved_answers, follow_ups, compliments)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.responses), sum(r.grade_sum), sum(r.grade_squares), ARRAY[coalesce(sum(r.grades[1]), 0), coalesce(sum(r.grades[2]), 0), coalesce(sum(r.grades[3]), 0), coalesce(sum(r.grades[4]), 0), coalesce(sum(r.grades[5]), 0), coalesce(sum(r.grades[6]), 0), coalesce(sum(r.grades[7]), 0), coalesce(sum(r.grades[8]), 0), coalesce(sum(r.grades[9]), 0), coalesce(sum(r.grades[10]), 0)]::integer[], sum(r.grade_at_least_7), sum(r.grade_at_most_5), sum(r.effort_sum), sum(r.effort_answers), sum(r.solved_yes), sum(r.solved_answers), sum(r.follow_ups), sum(r.compliments)
    FROM metric_survey_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_survey_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM old_rows) x;
  ELSE
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT organisation_id, day FROM old_rows UNION SELECT organisation_id, day FROM new_rows) x;
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM voordeur_metric_survey_team_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_survey_day_team_insert AFTER INSERT ON metric_survey_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_survey_team();
--> statement-breakpoint
CREATE TRIGGER metric_survey_day_team_update AFTER UPDATE ON metric_survey_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_survey_team();
--> statement-breakpoint
CREATE TRIGGER metric_survey_day_team_delete AFTER DELETE ON metric_survey_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_survey_team();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_survey_team_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_survey_day) x;
--> statement-breakpoint
-- Recomputes the team rollup of callbacks for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_callback_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_callback_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_callback_team_day (organisation_id, day, channel, team_id, due, done_in_time, done_late, overdue)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.due), sum(r.done_in_time), sum(r.done_late), sum(r.overdue)
    FROM metric_callback_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_callback_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT DISTINCT organisation_id, day FROM old_rows) x;
  ELSE
    SELECT array_agg(organisation_id), array_agg(day) INTO orgs, days
      FROM (SELECT organisation_id, day FROM old_rows UNION SELECT organisation_id, day FROM new_rows) x;
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM voordeur_metric_callback_team_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_callback_day_team_insert AFTER INSERT ON metric_callback_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_callback_team();
--> statement-breakpoint
CREATE TRIGGER metric_callback_day_team_update AFTER UPDATE ON metric_callback_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_callback_team();
--> statement-breakpoint
CREATE TRIGGER metric_callback_day_team_delete AFTER DELETE ON metric_callback_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_callback_team();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_callback_team_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_callback_day) x;
--> statement-breakpoint
-- An update of a case marks only the days whose rollup it changes: the day it was made when a column the `opened`
-- count groups by changed; the days it closed (before and after) when one of those or a closing figure changed.
-- Before, every update (a note, an assignment, a status) marked both days, and a day's work on old cases sent the
-- catch-up through most of the year.
CREATE OR REPLACE FUNCTION voordeur_metric_dirty_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'case', d FROM new_rows
        CROSS JOIN LATERAL (VALUES (voordeur_local_day(created_at)), (voordeur_local_day(closed_at))) AS x(d)
        WHERE d IS NOT NULL ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'case', d FROM old_rows
        CROSS JOIN LATERAL (VALUES (voordeur_local_day(created_at)), (voordeur_local_day(closed_at))) AS x(d)
        WHERE d IS NOT NULL ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  ELSE
    WITH changed AS (
      SELECT o.organisation_id, o.id, o.created_at AS old_made, n.created_at AS new_made,
        o.closed_at AS old_closed, n.closed_at AS new_closed,
        (o.created_at, o.parent_case_id, o.channel, o.team_id, o.catalogue_item_id, o.area, o.customer_id,
         o.language, o.kind)
        IS DISTINCT FROM
        (n.created_at, n.parent_case_id, n.channel, n.team_id, n.catalogue_item_id, n.area, n.customer_id,
         n.language, n.kind) AS grouped,
        (o.closed_at, o.due_at, o.internal_due_at, o.legal_due_at, o.breach_reason, o.resolution_minutes,
         o.main_case_id, o.complaint)
        IS DISTINCT FROM
        (n.closed_at, n.due_at, n.internal_due_at, n.legal_due_at, n.breach_reason, n.resolution_minutes,
         n.main_case_id, n.complaint) AS closing
      FROM old_rows o
      JOIN new_rows n ON n.organisation_id = o.organisation_id AND n.id = o.id
    )
    INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT DISTINCT organisation_id, 'case', d FROM (
        SELECT c.organisation_id, x.d FROM changed c
        CROSS JOIN LATERAL (VALUES
            (CASE WHEN c.grouped THEN voordeur_local_day(c.old_made) END),
            (CASE WHEN c.grouped THEN voordeur_local_day(c.new_made) END),
            (CASE WHEN c.grouped OR c.closing THEN voordeur_local_day(c.old_closed) END),
            (CASE WHEN c.grouped OR c.closing THEN voordeur_local_day(c.new_closed) END)
          ) AS x(d)
        UNION ALL
        -- Its reopenings count with its dimensions too.
        SELECT e.organisation_id, voordeur_local_day(e.created_at) FROM changed c
        JOIN case_event e ON e.organisation_id = c.organisation_id AND e.case_id = c.id
        WHERE c.grouped AND (e.kind = 'reopened' OR (e.kind = 'survey' AND e.data->>'reopened' = 'true'))
      ) y
      WHERE d IS NOT NULL ORDER BY 1, 3
      ON CONFLICT (organisation_id, fact, day) DO UPDATE SET marked_at = now();
  END IF;
  RETURN NULL;
END;
$$;
