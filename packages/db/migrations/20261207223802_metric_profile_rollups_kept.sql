-- The profile rollups (ADR 0030, addendum): the sums of each daily rollup per organisation × day × channel × one of
-- district, kind of customer, language and age band (`dimension` names which; only its column is filled), kept equal
-- to the daily rollups by statement triggers on them, as the team and item rollups are.
-- Recomputes the profile rollup of contacts for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_contact_profile_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_contact_profile_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_contact_profile_day (organisation_id, day, channel, dimension, area, customer_kind, language, age_band, contacts, answered, handed_over, callbacks, referred, not_helped, unrecorded, repeats, status_inquiries, handling_seconds, waited, wait_seconds)
    SELECT r.organisation_id, r.day, r.channel, CASE WHEN GROUPING(r.area) = 0 THEN 'area' WHEN GROUPING(r.customer_kind) = 0 THEN 'customer_kind' WHEN GROUPING(r.language) = 0 THEN 'language' ELSE 'age_band' END, r.area, r.customer_kind, r.language, r.age_band, sum(r.contacts), sum(r.answered), sum(r.handed_over), sum(r.callbacks), sum(r.referred), sum(r.not_helped), sum(r.unrecorded), sum(r.repeats), sum(r.status_inquiries), sum(r.handling_seconds), sum(r.waited), sum(r.wait_seconds)
    FROM metric_contact_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY GROUPING SETS ((r.organisation_id, r.day, r.channel, r.area), (r.organisation_id, r.day, r.channel, r.customer_kind),
      (r.organisation_id, r.day, r.channel, r.language), (r.organisation_id, r.day, r.channel, r.age_band));
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_contact_profile() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM voordeur_metric_contact_profile_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_profile_insert AFTER INSERT ON metric_contact_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_profile();
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_profile_update AFTER UPDATE ON metric_contact_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_profile();
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_profile_delete AFTER DELETE ON metric_contact_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_profile();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_contact_profile_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_contact_day) x;
--> statement-breakpoint
-- Recomputes the profile rollup of cases for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_case_profile_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_case_profile_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_case_profile_day (organisation_id, day, channel, dimension, area, customer_kind, language, age_band, opened, closed, closed_in_norm, closed_in_target, reopened, merged, resolution_minutes, resolution_days, complaints_closed, complaints_in_term, complaints_founded, complaints_partly_founded, complaints_unfounded, complaints_withdrawn)
    SELECT r.organisation_id, r.day, r.channel, CASE WHEN GROUPING(r.area) = 0 THEN 'area' WHEN GROUPING(r.customer_kind) = 0 THEN 'customer_kind' WHEN GROUPING(r.language) = 0 THEN 'language' ELSE 'age_band' END, r.area, r.customer_kind, r.language, r.age_band, sum(r.opened), sum(r.closed), sum(r.closed_in_norm), sum(r.closed_in_target), sum(r.reopened), sum(r.merged), sum(r.resolution_minutes), ARRAY[coalesce(sum(r.resolution_days[1]), 0), coalesce(sum(r.resolution_days[2]), 0), coalesce(sum(r.resolution_days[3]), 0), coalesce(sum(r.resolution_days[4]), 0), coalesce(sum(r.resolution_days[5]), 0), coalesce(sum(r.resolution_days[6]), 0), coalesce(sum(r.resolution_days[7]), 0), coalesce(sum(r.resolution_days[8]), 0), coalesce(sum(r.resolution_days[9]), 0), coalesce(sum(r.resolution_days[10]), 0), coalesce(sum(r.resolution_days[11]), 0), coalesce(sum(r.resolution_days[12]), 0), coalesce(sum(r.resolution_days[13]), 0), coalesce(sum(r.resolution_days[14]), 0), coalesce(sum(r.resolution_days[15]), 0), coalesce(sum(r.resolution_days[16]), 0), coalesce(sum(r.resolution_days[17]), 0), coalesce(sum(r.resolution_days[18]), 0), coalesce(sum(r.resolution_days[19]), 0), coalesce(sum(r.resolution_days[20]), 0), coalesce(sum(r.resolution_days[21]), 0), coalesce(sum(r.resolution_days[22]), 0), coalesce(sum(r.resolution_days[23]), 0), coalesce(sum(r.resolution_days[24]), 0), coalesce(sum(r.resolution_days[25]), 0), coalesce(sum(r.resolution_days[26]), 0), coalesce(sum(r.resolution_days[27]), 0), coalesce(sum(r.resolution_days[28]), 0), coalesce(sum(r.resolution_days[29]), 0), coalesce(sum(r.resolution_days[30]), 0), coalesce(sum(r.resolution_days[31]), 0), coalesce(sum(r.resolution_days[32]), 0)]::integer[], sum(r.complaints_closed), sum(r.complaints_in_term), sum(r.complaints_founded), sum(r.complaints_partly_founded), sum(r.complaints_unfounded), sum(r.complaints_withdrawn)
    FROM metric_case_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY GROUPING SETS ((r.organisation_id, r.day, r.channel, r.area), (r.organisation_id, r.day, r.channel, r.customer_kind),
      (r.organisation_id, r.day, r.channel, r.language), (r.organisation_id, r.day, r.channel, r.age_band));
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_case_profile() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM voordeur_metric_case_profile_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_case_day_profile_insert AFTER INSERT ON metric_case_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_case_profile();
--> statement-breakpoint
CREATE TRIGGER metric_case_day_profile_update AFTER UPDATE ON metric_case_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_case_profile();
--> statement-breakpoint
CREATE TRIGGER metric_case_day_profile_delete AFTER DELETE ON metric_case_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_case_profile();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_case_profile_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_case_day) x;
--> statement-breakpoint
-- Recomputes the profile rollup of surveys for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_survey_profile_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_survey_profile_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_survey_profile_day (organisation_id, day, channel, dimension, area, customer_kind, language, age_band, responses, grade_sum, grade_squares, grades, grade_at_least_7, grade_at_most_5, effort_sum, effort_answers, solved_yes, solved_answers, follow_ups, compliments)
    SELECT r.organisation_id, r.day, r.channel, CASE WHEN GROUPING(r.area) = 0 THEN 'area' WHEN GROUPING(r.customer_kind) = 0 THEN 'customer_kind' WHEN GROUPING(r.language) = 0 THEN 'language' ELSE 'age_band' END, r.area, r.customer_kind, r.language, r.age_band, sum(r.responses), sum(r.grade_sum), sum(r.grade_squares), ARRAY[coalesce(sum(r.grades[1]), 0), coalesce(sum(r.grades[2]), 0), coalesce(sum(r.grades[3]), 0), coalesce(sum(r.grades[4]), 0), coalesce(sum(r.grades[5]), 0), coalesce(sum(r.grades[6]), 0), coalesce(sum(r.grades[7]), 0), coalesce(sum(r.grades[8]), 0), coalesce(sum(r.grades[9]), 0), coalesce(sum(r.grades[10]), 0)]::integer[], sum(r.grade_at_least_7), sum(r.grade_at_most_5), sum(r.effort_sum), sum(r.effort_answers), sum(r.solved_yes), sum(r.solved_answers), sum(r.follow_ups), sum(r.compliments)
    FROM metric_survey_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY GROUPING SETS ((r.organisation_id, r.day, r.channel, r.area), (r.organisation_id, r.day, r.channel, r.customer_kind),
      (r.organisation_id, r.day, r.channel, r.language), (r.organisation_id, r.day, r.channel, r.age_band));
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_survey_profile() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM voordeur_metric_survey_profile_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_survey_day_profile_insert AFTER INSERT ON metric_survey_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_survey_profile();
--> statement-breakpoint
CREATE TRIGGER metric_survey_day_profile_update AFTER UPDATE ON metric_survey_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_survey_profile();
--> statement-breakpoint
CREATE TRIGGER metric_survey_day_profile_delete AFTER DELETE ON metric_survey_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_survey_profile();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_survey_profile_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_survey_day) x;
--> statement-breakpoint
-- Recomputes the profile rollup of callbacks for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_callback_profile_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_callback_profile_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_callback_profile_day (organisation_id, day, channel, dimension, area, customer_kind, language, age_band, due, done_in_time, done_late, overdue)
    SELECT r.organisation_id, r.day, r.channel, CASE WHEN GROUPING(r.area) = 0 THEN 'area' WHEN GROUPING(r.customer_kind) = 0 THEN 'customer_kind' WHEN GROUPING(r.language) = 0 THEN 'language' ELSE 'age_band' END, r.area, r.customer_kind, r.language, r.age_band, sum(r.due), sum(r.done_in_time), sum(r.done_late), sum(r.overdue)
    FROM metric_callback_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY GROUPING SETS ((r.organisation_id, r.day, r.channel, r.area), (r.organisation_id, r.day, r.channel, r.customer_kind),
      (r.organisation_id, r.day, r.channel, r.language), (r.organisation_id, r.day, r.channel, r.age_band));
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_callback_profile() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM voordeur_metric_callback_profile_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_callback_day_profile_insert AFTER INSERT ON metric_callback_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_callback_profile();
--> statement-breakpoint
CREATE TRIGGER metric_callback_day_profile_update AFTER UPDATE ON metric_callback_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_callback_profile();
--> statement-breakpoint
CREATE TRIGGER metric_callback_day_profile_delete AFTER DELETE ON metric_callback_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_callback_profile();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_callback_profile_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_callback_day) x;
