-- A recompute of daily rollups (metric_rollup: recomputeRange) deletes a range of days and inserts them again; the
-- triggers that keep the team, item and profile rollups would recompute those days twice, once after each statement
-- (the first time from no rows at all). Within a recompute (`voordeur.metric_recompute` = 'on' for its
-- transaction) they leave it to the recompute, which calls the `…_days` functions once for the whole range after its
-- insert. Every other write to a daily rollup keeps them as before.
CREATE OR REPLACE FUNCTION voordeur_metric_contact_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION voordeur_metric_contact_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
    PERFORM voordeur_metric_contact_item_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voordeur_metric_contact_profile() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION voordeur_metric_case_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION voordeur_metric_case_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
    PERFORM voordeur_metric_case_item_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voordeur_metric_case_profile() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION voordeur_metric_survey_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION voordeur_metric_survey_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
    PERFORM voordeur_metric_survey_item_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voordeur_metric_survey_profile() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION voordeur_metric_callback_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION voordeur_metric_callback_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
    PERFORM voordeur_metric_callback_item_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voordeur_metric_callback_profile() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  IF current_setting('voordeur.metric_recompute', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
