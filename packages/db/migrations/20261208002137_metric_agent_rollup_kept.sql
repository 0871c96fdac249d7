-- The agent rollup (ADR 0030, addendum): the contacts' daily rollup summed per organisation × day × channel × agent,
-- kept equal to it by statement triggers, as the team, item and profile rollups are.
-- Recomputes the agent rollup of contacts for the given (organisation, day) pairs from the daily rollup.
CREATE FUNCTION voordeur_metric_contact_agent_days(orgs uuid[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM metric_contact_agent_day t USING unnest(orgs, days) AS x(o, d)
    WHERE t.organisation_id = x.o AND t.day = x.d;
  INSERT INTO metric_contact_agent_day (organisation_id, day, channel, agent_user_id, contacts, answered, handed_over, callbacks, referred, not_helped, unrecorded, repeats, status_inquiries, handling_seconds, waited, wait_seconds)
    SELECT r.organisation_id, r.day, r.channel, r.agent_user_id, sum(r.contacts), sum(r.answered), sum(r.handed_over), sum(r.callbacks), sum(r.referred), sum(r.not_helped), sum(r.unrecorded), sum(r.repeats), sum(r.status_inquiries), sum(r.handling_seconds), sum(r.waited), sum(r.wait_seconds)
    FROM metric_contact_day r JOIN unnest(orgs, days) AS x(o, d) ON r.organisation_id = x.o AND r.day = x.d
    GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE FUNCTION voordeur_metric_contact_agent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  days date[];
BEGIN
  -- Within a recompute of the daily rollup, the recompute keeps this rollup itself (migration metric_recompute_once).
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
    PERFORM voordeur_metric_contact_agent_days(orgs, days);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_agent_insert AFTER INSERT ON metric_contact_day REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_agent();
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_agent_update AFTER UPDATE ON metric_contact_day
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_agent();
--> statement-breakpoint
CREATE TRIGGER metric_contact_day_agent_delete AFTER DELETE ON metric_contact_day REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION voordeur_metric_contact_agent();
--> statement-breakpoint
-- The days already rolled up.
SELECT voordeur_metric_contact_agent_days(array_agg(organisation_id), array_agg(day))
  FROM (SELECT DISTINCT organisation_id, day FROM metric_contact_day) x;
