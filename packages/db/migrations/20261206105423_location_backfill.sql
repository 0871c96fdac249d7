-- Cases received before case_file.location_lat/lon existed: the point they were reported at, else the place of
-- their address in the organisation's register (postcode, number, letter + addition), so that they too are
-- found by "reported nearby?" and shown on the map of open reports.
UPDATE "case_file" SET
  "location_lat" = ("location"->>'lat')::double precision,
  "location_lon" = ("location"->>'lon')::double precision
WHERE "location" ? 'lat' AND "location" ? 'lon' AND jsonb_typeof("location"->'lat') = 'number'
  AND jsonb_typeof("location"->'lon') = 'number';
--> statement-breakpoint
UPDATE "case_file" c SET "location_lat" = a."lat", "location_lon" = a."lon"
FROM "address" a
WHERE c."location_lat" IS NULL AND c."location" ? 'address'
  AND a."organisation_id" = c."organisation_id"
  AND a."postcode" = upper(replace(c."location"->'address'->>'postcode', ' ', ''))
  AND a."house_number" = (c."location"->'address'->>'houseNumber')::integer
  AND regexp_replace(upper(a."addition"), '[\s-]', '', 'g')
    = regexp_replace(upper(concat(c."location"->'address'->>'houseLetter', c."location"->'address'->>'addition')), '[\s-]', '', 'g');
