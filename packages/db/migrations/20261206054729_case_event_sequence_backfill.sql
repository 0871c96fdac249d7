-- Cases that already published CloudEvents (before they carried a sequence) continue after them: the next event
-- of such a case is numbered after the events its subscribers may already hold.
UPDATE "case_file" c SET "event_sequence" = x.n
FROM (
  SELECT organisation_id, case_id, count(DISTINCT event_id)::integer AS n
  FROM "webhook_delivery"
  WHERE case_id IS NOT NULL
  GROUP BY organisation_id, case_id
) x
WHERE c.organisation_id = x.organisation_id AND c.id = x.case_id;
