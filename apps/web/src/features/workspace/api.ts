import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Address,
  Callback,
  CallbackSlot,
  Case,
  Contact,
  ContactOutcome,
  Customer,
  CustomerCreate,
  CustomerMatch,
  CustomerOverview,
} from '@voordeur/shared';
import { FRONT_OFFICE_LIMITS } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

/** Everything the front office caches: customers, their 360° views, callbacks and contact statistics. */
export const customersKey = ['customers'] as const;
export const callbacksKey = ['callbacks'] as const;
const overviewKey = (id: string) => [...customersKey, id, 'overview'] as const;

// ---- customers -----------------------------------------------------------------------------------------

/** Find-as-you-type over name, email, phone, postcode + house number, BSN, KvK and employee number. */
export function useCustomerLookup(q: string) {
  return useQuery({
    queryKey: [...customersKey, 'lookup', q],
    queryFn: ({ signal }) =>
      api<ListResponse<CustomerMatch>>('/api/customers', { query: { q, limit: 8 }, signal }),
    enabled: q.length >= FRONT_OFFICE_LIMITS.lookupMin,
    placeholderData: keepPreviousData,
  });
}

/** The 360° view: the customer, open and recent cases, recent contacts on every channel, open callbacks. */
export type { CustomerOverview };

export function useCustomerOverview(id: string | null) {
  return useQuery({
    queryKey: overviewKey(id ?? ''),
    queryFn: () => api<CustomerOverview>(`/api/customers/${encodeURIComponent(id ?? '')}/overview`),
    enabled: Boolean(id),
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerCreate) => api<Customer>('/api/customers', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...customersKey, 'lookup'] }),
  });
}

// ---- contacts ------------------------------------------------------------------------------------------

const contactPath = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;

export const startContact = (body: { channel: string; direction: 'in' }) =>
  api<Contact>('/api/contacts', { method: 'POST', body });

/** The agent's own contact that is still open (the newest), or null: the workspace picks it up again. */
export const findOpenContact = async () =>
  (await api<ListResponse<Contact>>('/api/contacts', { query: { mine: 'true', open: 'true', limit: 1 } }))
    .items[0] ?? null;

export interface ContactChange {
  customerId?: string | null;
  itemCode?: string | null;
  question?: string;
  articleIds?: string[];
  /** The agent's notes so far, kept as the contact's answer while it is open. */
  answer?: string;
}

export const updateContact = (contact: Contact, change: ContactChange) =>
  api<Contact>(contactPath(contact.id), { method: 'PATCH', body: { ...change, version: contact.version } });

export interface ContactCloseBody {
  outcome: ContactOutcome;
  referredTo?: string;
  answer?: string;
  articleIds?: string[];
}

export const closeContact = (contact: Contact, body: ContactCloseBody) =>
  api<Contact>(`${contactPath(contact.id)}/close`, {
    method: 'POST',
    body: { ...body, version: contact.version },
  });

/** Where the case is: a known address, or a description (a street, a park, "near the school"). */
export interface LocationBody {
  address?: {
    street: string;
    houseNumber: number;
    houseLetter?: string;
    addition?: string;
    postcode: string;
    city: string;
  };
  description?: string;
}

/** The customer's address as the API takes it in a case's location. */
export function addressInput(address: Address): NonNullable<LocationBody['address']> {
  return {
    street: address.street,
    houseNumber: address.houseNumber,
    ...(address.houseLetter ? { houseLetter: address.houseLetter } : {}),
    ...(address.addition ? { addition: address.addition } : {}),
    postcode: address.postcode,
    city: address.city,
  };
}

export interface CaseBody {
  itemCode: string;
  description: string;
  answers: Record<string, unknown>;
  location?: LocationBody;
}

export const createCase = (contact: Contact, body: CaseBody) =>
  api<{ case: Case; contact: Contact }>(`${contactPath(contact.id)}/cases`, {
    method: 'POST',
    body: { ...body, version: contact.version },
  });

export interface CallbackBody {
  phone: string;
  note: string;
  itemCode?: string;
  teamId?: string;
  /** When the person wants to be called: local date and times. */
  slot?: CallbackSlot;
}

export const createCallback = (contact: Contact, body: CallbackBody) =>
  api<{ callback: Callback; contact: Contact }>(`${contactPath(contact.id)}/callbacks`, {
    method: 'POST',
    body: { ...body, version: contact.version },
  });
