-- The team rollups per month (ADR 0030, addendum): the sums of each team rollup per organisation × month × channel ×
-- team (`day` holds the month's first day), kept equal to the team rollups: the function that recomputes a team
-- rollup's days (called by the daily rollups' triggers) recomputes their months after them. A request over whole
-- months reads these, the days around them the team rollups.
-- Recomputes the monthly team rollup of contacts for the given (organisation, month) pairs from the team rollup.
CREATE FUNCTION voordeur_metric_contact_team_months(orgs uuid[], months date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_contact_team_month t USING unnest(orgs, months) AS x(o, m)
    WHERE t.organisation_id = x.o AND t.day = x.m;
  INSERT INTO metric_contact_team_month (organisation_id, day, channel, team_id, contacts, answered, handed_over, callbacks, referred, not_helped, unrecorded, repeats, status_inquiries, handling_seconds, waited, wait_seconds)
    SELECT r.organisation_id, x.m, r.channel, r.team_id, sum(r.contacts), sum(r.answered), sum(r.handed_over), sum(r.callbacks), sum(r.referred), sum(r.not_helped), sum(r.unrecorded), sum(r.repeats), sum(r.status_inquiries), sum(r.handling_seconds), sum(r.waited), sum(r.wait_seconds)
    FROM metric_contact_team_day r JOIN unnest(orgs, months) AS x(o, m)
      ON r.organisation_id = x.o AND r.day >= x.m AND r.day < (x.m + interval '1 month')::date
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
-- The team rollup of contact recomputed as before, and then the months of its days.
CREATE OR REPLACE FUNCTION voordeur_metric_contact_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_contact_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_contact_team_day (organisation_id, day, channel, team_id, contacts, answered, handed_over, callbacks, referred, not_helped, unrecorded, repeats, status_inquiries, handling_seconds, waited, wait_seconds)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.contacts), sum(r.answered), sum(r.handed_over), sum(r.callbacks), sum(r.referred), sum(r.not_helped), sum(r.unrecorded), sum(r.repeats), sum(r.status_inquiries), sum(r.handling_seconds), sum(r.waited), sum(r.wait_seconds)
    FROM metric_contact_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
  SELECT voordeur_metric_contact_team_months(array_agg(o), array_agg(m))
    FROM (SELECT DISTINCT x.o, date_trunc('month', x.d)::date AS m FROM unnest(orgs, days) AS x(o, d)) y;
$$;
--> statement-breakpoint
-- The months already rolled up.
SELECT voordeur_metric_contact_team_months(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, date_trunc('month', day)::date AS day FROM metric_contact_team_day) x;
--> statement-breakpoint
-- Recomputes the monthly team rollup of cases for the given (organisation, month) pairs from the team rollup.
CREATE FUNCTION voordeur_metric_case_team_months(orgs uuid[], months date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_case_team_month t USING unnest(orgs, months) AS x(o, m)
    WHERE t.organisation_id = x.o AND t.day = x.m;
  INSERT INTO metric_case_team_month (organisation_id, day, channel, team_id, opened, closed, closed_in_norm, closed_in_target, reopened, merged, resolution_minutes, resolution_days, complaints_closed, complaints_in_term, complaints_founded, complaints_partly_founded, complaints_unfounded, complaints_withdrawn)
    SELECT r.organisation_id, x.m, r.channel, r.team_id, sum(r.opened), sum(r.closed), sum(r.closed_in_norm), sum(r.closed_in_target), sum(r.reopened), sum(r.merged), sum(r.resolution_minutes), ARRAY[coalesce(sum(r.resolution_days[1]), 0), coalesce(sum(r.resolution_days[2]), 0), coalesce(sum(r.resolution_days[3]), 0), coalesce(sum(r.resolution_days[4]), 0), coalesce(sum(r.resolution_days[5]), 0), coalesce(sum(r.resolution_days[6]), 0), coalesce(sum(r.resolution_days[7]), 0), coalesce(sum(r.resolution_days[8]), 0), coalesce(sum(r.resolution_days[9]), 0), coalesce(sum(r.resolution_days[10]), 0), coalesce(sum(r.resolution_days[11]), 0), coalesce(sum(r.resolution_days[12]), 0), coalesce(sum(r.resolution_days[13]), 0), coalesce(sum(r.resolution_days[14]), 0), coalesce(sum(r.resolution_days[15]), 0), coalesce(sum(r.resolution_days[16]), 0), coalesce(sum(r.resolution_days[17]), 0), coalesce(sum(r.resolution_days[18]), 0), coalesce(sum(r.resolution_days[19]), 0), coalesce(sum(r.resolution_days[20]), 0), coalesce(sum(r.resolution_days[21]), 0), coalesce(sum(r.resolution_days[22]), 0), coalesce(sum(r.resolution_days[23]), 0), coalesce(sum(r.resolution_days[24]), 0), coalesce(sum(r.resolution_days[25]), 0), coalesce(sum(r.resolution_days[26]), 0), coalesce(sum(r.resolution_days[27]), 0), coalesce(sum(r.resolution_days[28]), 0), coalesce(sum(r.resolution_days[29]), 0), coalesce(sum(r.resolution_days[30]), 0), coalesce(sum(r.resolution_days[31]), 0), coalesce(sum(r.resolution_days[32]), 0)]::integer[], sum(r.complaints_closed), sum(r.complaints_in_term), sum(r.complaints_founded), sum(r.complaints_partly_founded), sum(r.complaints_unfounded), sum(r.complaints_withdrawn)
    FROM metric_case_team_day r JOIN unnest(orgs, months) AS x(o, m)
      ON r.organisation_id = x.o AND r.day >= x.m AND r.day < (x.m + interval '1 month')::date
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
-- The team rollup of case recomputed as before, and then the months of its days.
CREATE OR REPLACE FUNCTION voordeur_metric_case_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_case_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_case_team_day (organisation_id, day, channel, team_id, opened, closed, closed_in_norm, closed_in_target, reopened, merged, resolution_minutes, resolution_days, complaints_closed, complaints_in_term, complaints_founded, complaints_partly_founded, complaints_unfounded, complaints_withdrawn)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.opened), sum(r.closed), sum(r.closed_in_norm), sum(r.closed_in_target), sum(r.reopened), sum(r.merged), sum(r.resolution_minutes), ARRAY[coalesce(sum(r.resolution_days[1]), 0), coalesce(sum(r.resolution_days[2]), 0), coalesce(sum(r.resolution_days[3]), 0), coalesce(sum(r.resolution_days[4]), 0), coalesce(sum(r.resolution_days[5]), 0), coalesce(sum(r.resolution_days[6]), 0), coalesce(sum(r.resolution_days[7]), 0), coalesce(sum(r.resolution_days[8]), 0), coalesce(sum(r.resolution_days[9]), 0), coalesce(sum(r.resolution_days[10]), 0), coalesce(sum(r.resolution_days[11]), 0), coalesce(sum(r.resolution_days[12]), 0), coalesce(sum(r.resolution_days[13]), 0), coalesce(sum(r.resolution_days[14]), 0), coalesce(sum(r.resolution_days[15]), 0), coalesce(sum(r.resolution_days[16]), 0), coalesce(sum(r.resolution_days[17]), 0), coalesce(sum(r.resolution_days[18]), 0), coalesce(sum(r.resolution_days[19]), 0), coalesce(sum(r.resolution_days[20]), 0), coalesce(sum(r.resolution_days[21]), 0), coalesce(sum(r.resolution_days[22]), 0), coalesce(sum(r.resolution_days[23]), 0), coalesce(sum(r.resolution_days[24]), 0), coalesce(sum(r.resolution_days[25]), 0), coalesce(sum(r.resolution_days[26]), 0), coalesce(sum(r.resolution_days[27]), 0), coalesce(sum(r.resolution_days[28]), 0), coalesce(sum(r.resolution_days[29]), 0), coalesce(sum(r.resolution_days[30]), 0), coalesce(sum(r.resolution_days[31]), 0), coalesce(sum(r.resolution_days[32]), 0)]::integer[], sum(r.complaints_closed), sum(r.complaints_in_term), sum(r.complaints_founded), sum(r.complaints_partly_founded), sum(r.complaints_unfounded), sum(r.complaints_withdrawn)
    FROM metric_case_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
  SELECT voordeur_metric_case_team_months(array_agg(o), array_agg(m))
    FROM (SELECT DISTINCT x.o, date_trunc('month', x.d)::date AS m FROM unnest(orgs, days) AS x(o, d)) y;
$$;
--> statement-breakpoint
-- The months already rolled up.
SELECT voordeur_metric_case_team_months(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, date_trunc('month', day)::date AS day FROM metric_case_team_day) x;
--> statement-breakpoint
-- Recomputes the monthly team rollup of surveys for the given (organisation, month) pairs from the team rollup.
CREATE FUNCTION voordeur_metric_survey_team_months(orgs uuid[], months date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_survey_team_month t USING unnest(orgs, months) AS x(o, m)
    WHERE t.organisation_id = x.o AND t.day = x.m;
  INSERT INTO metric_survey_team_month (organisation_id, day, channel, team_id, responses, grade_sum, grade_squares, grades, grade_at_least_7, grade_at_most_5, effort_sum, effort_answers, solved_yes, solved_answers, follow_ups, compliments)
    SELECT r.organisation_id, x.m, r.channel, r.team_id, sum(r.responses), sum(r.grade_sum), sum(r.grade_squares), ARRAY[coalesce(sum(r.grades[1]), 0), coalesce(sum(r.grades[2]), 0), coalesce(sum(r.grades[3]), 0), coalesce(sum(r.grades[4]), 0), coalesce(sum(r.grades[5]), 0), coalesce(sum(r.grades[6]), 0), coalesce(sum(r.grades[7]), 0), coalesce(sum(r.grades[8]), 0), coalesce(sum(r.grades[9]), 0), coalesce(sum(r.grades[10]), 0)]::integer[], sum(r.grade_at_least_7), sum(r.grade_at_most_5), sum(r.effort_sum), sum(r.effort_answers), sum(r.solved_yes), sum(r.solved_answers), sum(r.follow_ups), sum(r.compliments)
    FROM metric_survey_team_day r JOIN unnest(orgs, months) AS x(o, m)
      ON r.organisation_id = x.o AND r.day >= x.m AND r.day < (x.m + interval '1 month')::date
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
-- The team rollup of survey recomputed as before, and then the months of its days.
CREATE OR REPLACE FUNCTION voordeur_metric_survey_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_survey_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_survey_team_day (organisation_id, day, channel, team_id, responses, grade_sum, grade_squares, grades, grade_at_least_7, grade_at_most_5, effort_sum, effort_answers, solved_yes, solved_answers, follow_ups, compliments)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.responses), sum(r.grade_sum), sum(r.grade_squares), ARRAY[coalesce(sum(r.grades[1]), 0), coalesce(sum(r.grades[2]), 0), coalesce(sum(r.grades[3]), 0), coalesce(sum(r.grades[4]), 0), coalesce(sum(r.grades[5]), 0), coalesce(sum(r.grades[6]), 0), coalesce(sum(r.grades[7]), 0), coalesce(sum(r.grades[8]), 0), coalesce(sum(r.grades[9]), 0), coalesce(sum(r.grades[10]), 0)]::integer[], sum(r.grade_at_least_7), sum(r.grade_at_most_5), sum(r.effort_sum), sum(r.effort_answers), sum(r.solved_yes), sum(r.solved_answers), sum(r.follow_ups), sum(r.compliments)
    FROM metric_survey_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
  SELECT voordeur_metric_survey_team_months(array_agg(o), array_agg(m))
    FROM (SELECT DISTINCT x.o, date_trunc('month', x.d)::date AS m FROM unnest(orgs, days) AS x(o, d)) y;
$$;
--> statement-breakpoint
-- The months already rolled up.
SELECT voordeur_metric_survey_team_months(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, date_trunc('month', day)::date AS day FROM metric_survey_team_day) x;
--> statement-breakpoint
-- Recomputes the monthly team rollup of callbacks for the given (organisation, month) pairs from the team rollup.
CREATE FUNCTION voordeur_metric_callback_team_months(orgs uuid[], months date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_callback_team_month t USING unnest(orgs, months) AS x(o, m)
    WHERE t.organisation_id = x.o AND t.day = x.m;
  INSERT INTO metric_callback_team_month (organisation_id, day, channel, team_id, due, done_in_time, done_late, overdue)
    SELECT r.organisation_id, x.m, r.channel, r.team_id, sum(r.due), sum(r.done_in_time), sum(r.done_late), sum(r.overdue)
    FROM metric_callback_team_day r JOIN unnest(orgs, months) AS x(o, m)
      ON r.organisation_id = x.o AND r.day >= x.m AND r.day < (x.m + interval '1 month')::date
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
-- The team rollup of callback recomputed as before, and then the months of its days.
CREATE OR REPLACE FUNCTION voordeur_metric_callback_team_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_callback_team_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_callback_team_day (organisation_id, day, channel, team_id, due, done_in_time, done_late, overdue)
    SELECT r.organisation_id, r.day, r.channel, r.team_id, sum(r.due), sum(r.done_in_time), sum(r.done_late), sum(r.overdue)
    FROM metric_callback_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
  SELECT voordeur_metric_callback_team_months(array_agg(o), array_agg(m))
    FROM (SELECT DISTINCT x.o, date_trunc('month', x.d)::date AS m FROM unnest(orgs, days) AS x(o, d)) y;
$$;
--> statement-breakpoint
-- The months already rolled up.
SELECT voordeur_metric_callback_team_months(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, date_trunc('month', day)::date AS day FROM metric_callback_team_day) x;
