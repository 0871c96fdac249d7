import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Case,
  CaseListQuery,
  CaseSettings,
  CaseSummary,
  ComplaintAction,
  FrontOfficeSettings,
  MessageTemplate,
  Notification,
  NotificationPreview,
  PreviewRequest,
  User,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

/** Everything about cases lives under this key: a change to one case refreshes the queues too. */
export const casesKey = ['cases'] as const;
const caseKey = (id: string) => [...casesKey, 'one', id] as const;
const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

// ---- queues ----------------------------------------------------------------------------------------------

/** The filters of a queue, as the API takes them (strings, empty ones left out). */
export type QueueQuery = Partial<Record<Exclude<keyof CaseListQuery, 'limit' | 'offset'>, string>> & {
  limit: number;
  offset: number;
};

export interface CaseList {
  items: CaseSummary[];
  total: number;
}

/** A queue, sorted by due time (the API's order); the previous page stays while the next one loads. */
export function useCases(query: QueueQuery, enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'list', query],
    queryFn: ({ signal }) => api<CaseList>('/api/cases', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Open cases whose reference starts with what was typed (to merge with: a closed one is refused). */
export function useCaseReferenceSearch(reference: string) {
  return useQuery({
    queryKey: [...casesKey, 'reference', reference],
    queryFn: ({ signal }) => api<CaseList>('/api/cases', { query: { reference, limit: 10 }, signal }),
    enabled: reference.length >= 3,
    placeholderData: keepPreviousData,
  });
}

export interface AssignBody {
  cases: { id: string; version: number }[];
  assigneeId: string | null;
  teamId?: string;
}

const assignCases = (body: AssignBody) =>
  api<{ updated: number }>('/api/cases/assign', { method: 'POST', body });

/** Assign (or release) cases in bulk; teamleads and administrators. */
export function useAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignCases,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

/**
 * Assign (or release) cases chosen in a queue. The queue's rows carry no version, so each case is read first and
 * assigned at the version read; the reads are part of the mutation (its busy state, its error, the app's 401).
 */
export function useAssignFromQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      cases,
      assigneeId,
    }: {
      cases: Pick<CaseSummary, 'id'>[];
      assigneeId: string | null;
    }) => {
      const versioned = await Promise.all(
        cases.map(async (c) => ({ id: c.id, version: (await api<Case>(casePath(c.id))).version })),
      );
      return assignCases({ cases: versioned, assigneeId });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

/** Claim one case from a queue (the row knows no version, so the case is read first). */
export function useClaimFromQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const current = await api<Case>(casePath(id));
      return api<Case>(`${casePath(id)}/claim`, { method: 'POST', body: { version: current.version } });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

// ---- one case --------------------------------------------------------------------------------------------

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => api<Case>(casePath(id)) });
}

/** The actions on a case that answer with the case; each carries the version the worker saw. */
export type CaseAction =
  | { kind: 'transition'; body: TransitionBody }
  | { kind: 'claim'; body: Record<string, never> }
  | { kind: 'note'; body: { body: string } }
  | { kind: 'message'; body: MessageBody }
  | { kind: 'suspend'; body: { reason: string; message?: string } }
  | { kind: 'resume'; body: Record<string, never> }
  | { kind: 'extend'; body: { extension: { amount: number; unit: string }; reason: string } }
  | { kind: 'complaint'; body: DistributiveOmit<ComplaintAction, 'version'> }
  | { kind: 'merge'; body: { mainCaseId: string } }
  | { kind: 'reopen'; body: { reason: string } }
  | { kind: 'refuseReopen'; body: { reason: string } };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface TransitionBody {
  to: string;
  message?: string;
  notify: boolean;
  breachReason?: string;
  breachNote?: string;
}

export interface MessageBody {
  direction: 'out' | 'in';
  subject?: string;
  body: string;
  templateKey?: string;
}

const ACTION_PATHS: Record<CaseAction['kind'], string> = {
  transition: 'transitions',
  claim: 'claim',
  note: 'notes',
  message: 'messages',
  suspend: 'suspend',
  resume: 'resume',
  extend: 'extend',
  complaint: 'complaint',
  merge: 'merge',
  reopen: 'reopen',
  refuseReopen: 'reopen-refusal',
};

/** Notes and messages need no version: they add to the case and change nothing anyone else saw. */
const UNVERSIONED = new Set<CaseAction['kind']>(['note', 'message']);

/**
 * One action on the case. The answer is the whole case, which replaces the cached one at once; the queues
 * are refreshed in the background.
 */
export function useCaseAction(current: Case) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: CaseAction) =>
      api<Case>(`${casePath(current.id)}/${ACTION_PATHS[action.kind]}`, {
        method: 'POST',
        body: UNVERSIONED.has(action.kind) ? action.body : { ...action.body, version: current.version },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseKey(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: notificationsKey(updated.id) });
    },
  });
}

/** A sub-task for another team; answers with the child, so the parent is read again. */
export function useCreateChild(parent: Case) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { teamId: string; description: string }) =>
      api<Case>(`${casePath(parent.id)}/children`, {
        method: 'POST',
        body: { ...body, version: parent.version },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

/** Add a photo or PDF to the case. */
export function useUploadAttachment(current: Case) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<Case>(`${casePath(current.id)}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: (updated) => queryClient.setQueryData(caseKey(updated.id), updated),
  });
}

export const attachmentUrl = (caseId: string, attachmentId: string) =>
  `${casePath(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** What would be sent, and to whom, before it is sent. */
export type PreviewBody = PreviewRequest;

/** "Voorbeeld" as a mutation: nothing is cached, each press asks again for what the form holds then. */
export function usePreviewMessage(caseId: string) {
  return useMutation({
    mutationFn: (body: PreviewBody) =>
      api<NotificationPreview>(`${casePath(caseId)}/preview`, { method: 'POST', body }),
  });
}

// ---- delivery log ----------------------------------------------------------------------------------------

const notificationsKey = (caseId: string) => ['notifications', caseId] as const;

/** One email about the case as the outbox handled it. */
export type Delivery = Notification;

export function useDeliveries(caseId: string, enabled = true) {
  return useQuery({
    queryKey: notificationsKey(caseId),
    queryFn: async () =>
      (await api<ListResponse<Delivery>>('/api/notifications', { query: { caseId } })).items,
    // While something waits in the outbox, look again now and then: the worker sends within seconds. A letter
    // waits for a person to post it, not for the worker.
    refetchInterval: (query) =>
      query.state.data?.some((item) => item.status === 'queued' && item.channel !== 'post') ? 3000 : false,
    enabled,
  });
}

/** Send a failed or bounced email again (team leads, administrators). */
export function useRetryDelivery(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Delivery>(`/api/notifications/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationsKey(caseId) }),
  });
}

// ---- settings, templates, people -------------------------------------------------------------------------

export function useCaseSettings() {
  return useQuery({
    queryKey: ['case-settings'],
    queryFn: () => api<CaseSettings>('/api/case-settings'),
    staleTime: 5 * 60_000,
  });
}

export function useMessageTemplates(enabled = true) {
  return useQuery({
    queryKey: ['message-templates'],
    queryFn: () => api<MessageTemplate[]>('/api/message-templates'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The front office's districts, for the queue's area filter. */
export function useAreas(enabled: boolean) {
  return useQuery({
    queryKey: ['front-office-settings'],
    queryFn: () => api<FrontOfficeSettings>('/api/front-office/settings'),
    select: (settings) => settings.areas.map((area) => area.name),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Colleagues who can be given a case: active users (the user list is for teamleads and administrators). */
export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api<ListResponse<User>>('/api/users')).items,
    select: (users) => users.filter((user) => user.active),
    enabled,
  });
}
