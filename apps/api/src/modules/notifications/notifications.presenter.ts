import type {
  Letter,
  Locale,
  Notification,
  NotificationChannel,
  NotificationDetail,
  NotificationStatus,
} from '@voordeur/shared';
import type { LetterRow, NotificationDetailRow, NotificationRow } from './notifications.queries.ts';

export function presentNotification(n: NotificationRow): Notification {
  return {
    id: n.id,
    caseId: n.caseId,
    kind: n.kind,
    audience: n.audience as 'person' | 'staff',
    channel: n.channel as NotificationChannel,
    recipient: n.recipient,
    recipientName: n.recipientName,
    language: n.language as Locale,
    subject: n.subject,
    status: n.status as NotificationStatus,
    attempts: n.attempts,
    lastError: n.lastError,
    messageId: n.messageId,
    keptInMailbox: n.keptInMailbox,
    sentAt: n.sentAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    sentBy: n.sentBy,
  };
}

export function presentNotificationDetail(n: NotificationDetailRow): NotificationDetail {
  return { ...presentNotification(n), body: n.body };
}

export function presentLetter(l: LetterRow): Letter {
  return {
    id: l.id,
    caseId: l.caseId,
    reference: l.letter?.reference ?? '',
    kind: l.kind,
    recipientName: l.recipientName,
    address: l.letter?.address ?? [],
    language: l.language as Locale,
    subject: l.subject,
    state: l.status === 'sent' ? 'sent' : 'to_send',
    senderAddressMissing: !l.letter?.sender.address.length,
    createdAt: l.createdAt.toISOString(),
    sentAt: l.sentAt?.toISOString() ?? null,
    sentBy: l.sentBy,
  };
}
