/**
 * Places and "already reported nearby?" (issue 13, items 3 and 4): the shapes the portal's location field and the
 * staff maps share with the API.
 */
import { z } from 'zod';
import { codeSchema } from './catalogue.ts';
import { LOCALES } from './roles.ts';

/** The map the web shows, when the server has a tile URL (`MAP_TILE_URL`); null: no map, address entry only. */
export const mapConfigSchema = z
  .object({
    map: z
      .object({
        tileUrl: z.string().meta({ description: 'Leaflet tile URL template ({z}/{x}/{y}).' }),
        attribution: z.string(),
        maxZoom: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'MapConfig' });
export type MapConfig = z.infer<typeof mapConfigSchema>;

/** WGS84 bounds of the Netherlands, as in `locationInputSchema`. */
const latSchema = z.coerce.number().min(50.5).max(53.7);
const lonSchema = z.coerce.number().min(3.2).max(7.3);

export const pointQuerySchema = z.strictObject({ lat: latSchema, lon: lonSchema });

export const portalAddressQuerySchema = z.strictObject({
  postcode: z.string().max(10).optional(),
  number: z.coerce.number().int().min(1).max(99_999).optional(),
  addition: z.string().max(20).optional(),
  street: z.string().max(100).optional(),
});

/** An address of the organisation's register as the portal shows it. */
export const placeAddressSchema = z
  .object({
    postcode: z.string(),
    number: z.number().int(),
    addition: z.string(),
    street: z.string(),
    place: z.string(),
    lat: z.number(),
    lon: z.number(),
  })
  .meta({ id: 'PlaceAddress', description: 'An address of the register, with its place in WGS84 degrees.' });
export type PlaceAddress = z.infer<typeof placeAddressSchema>;

export const nearbyQuerySchema = z.strictObject({
  item: codeSchema.meta({ description: 'The code of the (location-based) item being reported.' }),
  lat: latSchema,
  lon: lonSchema,
});

/** An open public report nearby: nothing about who reported it or what they wrote. */
export const nearbyReportSchema = z
  .object({
    reference: z.string(),
    status: z.string().meta({ description: 'The public name of its status, in the language asked for.' }),
    distanceMetres: z.number().int(),
    reportedOn: z.iso.date().meta({ description: 'The local date it was reported (Europe/Amsterdam).' }),
    street: z
      .string()
      .nullable()
      .meta({ description: 'The street of its location (no house number), if known.' }),
  })
  .meta({ id: 'NearbyReport' });
export type NearbyReport = z.infer<typeof nearbyReportSchema>;

export const nearbyResultSchema = z
  .object({ radiusMetres: z.number().int(), items: z.array(nearbyReportSchema) })
  .meta({ id: 'NearbyReports' });
export type NearbyResult = z.infer<typeof nearbyResultSchema>;

export const followInputSchema = z.strictObject({
  email: z.email().max(254),
  language: z.enum(LOCALES).default('nl'),
});
export type FollowInput = z.input<typeof followInputSchema>;

/** An open report on the staff map of open reports. */
export const mappedCaseSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    subject: z.string(),
    lat: z.number(),
    lon: z.number(),
    address: z.string().nullable().meta({ description: 'Street, number and place, when known.' }),
  })
  .meta({ id: 'MappedCase' });
export type MappedCase = z.infer<typeof mappedCaseSchema>;

/** A district (front-office settings) at the middle of its register addresses: where a map of districts marks it. */
export const districtCentreSchema = z
  .object({
    name: z.string(),
    lat: z.number(),
    lon: z.number(),
    addresses: z.number().int().meta({ description: 'How many register addresses lie in the district.' }),
  })
  .meta({ id: 'DistrictCentre' });
export type DistrictCentre = z.infer<typeof districtCentreSchema>;
