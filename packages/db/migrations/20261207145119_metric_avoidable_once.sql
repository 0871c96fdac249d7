-- Avoidable contact counts each contact once: the contact rollups' status_inquiries no longer count a status inquiry
-- that is also a repeat (the repeats count it). Every contact day already rolled up is recomputed by the catch-up.
INSERT INTO metric_dirty (organisation_id, fact, day)
  SELECT DISTINCT organisation_id, 'contact', day FROM metric_contact_day
  ON CONFLICT (organisation_id, fact, day) DO NOTHING;
