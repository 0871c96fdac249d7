/**
 * The administrators' side of Open311 GeoReport v2: the client apps let in, each with its own API key
 * (the spec's `api_key`). The GeoReport endpoints themselves speak the spec's own formats (apps/api
 * modules/open311), not these schemas.
 */
import { z } from 'zod';

export const OPEN311_LIMITS = {
  clientNameMax: 120,
  clientContactMax: 300,
} as const;

export const open311ClientSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    contact: z.string().meta({ description: 'Who to contact about this app.' }),
    prefix: z.string().meta({ description: 'First characters of the API key, to recognise it.' }),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().meta({ description: 'The last request the key was sent with.' }),
    revokedAt: z.iso.datetime().nullable(),
    requests: z.number().int().meta({ description: 'Service requests this app posted.' }),
  })
  .meta({ id: 'Open311Client' });
export type Open311Client = z.infer<typeof open311ClientSchema>;

export const open311ClientCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(OPEN311_LIMITS.clientNameMax),
  contact: z.string().trim().max(OPEN311_LIMITS.clientContactMax).default(''),
});
export type Open311ClientCreate = z.input<typeof open311ClientCreateSchema>;

export const open311ClientCreatedSchema = open311ClientSchema
  .extend({ apiKey: z.string().meta({ description: 'The API key; shown once, never again.' }) })
  .meta({ id: 'Open311ClientCreated' });
export type Open311ClientCreated = z.infer<typeof open311ClientCreatedSchema>;
