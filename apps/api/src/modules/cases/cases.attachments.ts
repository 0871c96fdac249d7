import { createHash } from 'node:crypto';
import type { Db } from '@voordeur/db';
import { ATTACHMENT_TYPES, CASE_LIMITS } from '@voordeur/shared';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { caseErrors } from './cases.errors.ts';
import { casesPolicy } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { change } from './cases.service.ts';

/** A safe file name to keep and to offer on download: no paths, no control characters, at most 200 chars. */
export function cleanFileName(name: string | undefined) {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127 && !'"<>|:*?'.includes(ch))
    .join('')
    .trim()
    .slice(-200);
  return clean || 'bijlage';
}

/**
 * Adds a file to a case. The type is decided from the bytes (magic numbers), never from the name or the
 * client's header; only photos and PDFs are kept. Size is limited before it reaches here (multipart limit).
 */
export async function addAttachment(
  db: Db,
  ctx: Ctx,
  id: string,
  file: { fileName: string | undefined; data: Buffer; truncated: boolean },
) {
  authorize(ctx.actor, casesPolicy.annotate);
  const { fileName, type } = await checkedFile(file);
  return change(db, ctx, id, undefined, async (l, tx) => {
    const existing = await q.attachmentsOf(tx, l.row.c.organisationId, id);
    if (existing.length >= CASE_LIMITS.attachmentsPerCase)
      throw caseErrors.attachmentRejected(`At most ${CASE_LIMITS.attachmentsPerCase} attachments per case`);
    const [row] = await q.insertAttachment(tx, {
      organisationId: l.row.c.organisationId,
      caseId: id,
      fileName,
      contentType: type.mime,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      byUserId: ctx.actor.userId,
      byLabel: ctx.actor.label,
    });
    return {
      set: {},
      events: [
        {
          kind: 'attachment',
          body: fileName,
          data: { attachmentId: row!.id, contentType: type.mime, size: file.data.length },
        },
      ],
      publish: [{ type: 'attachment_added', data: { attachmentId: row!.id, contentType: type.mime } }],
      audit: {
        action: 'attachment_added',
        after: { fileName, contentType: type.mime, size: file.data.length },
      },
    };
  });
}

/** A file as it may be kept: size-limited, not empty, its type sniffed from its bytes; its name cleaned. */
export async function checkedFile(file: AttachmentFile) {
  if (file.truncated || file.data.length > CASE_LIMITS.attachmentMaxBytes)
    throw caseErrors.attachmentTooLarge(CASE_LIMITS.attachmentMaxBytes);
  if (file.data.length === 0) throw caseErrors.attachmentRejected('The file is empty');
  const type = await fileTypeFromBuffer(file.data);
  if (!type || !(ATTACHMENT_TYPES as readonly string[]).includes(type.mime))
    throw caseErrors.attachmentRejected('Only JPEG, PNG, WebP, HEIC photos and PDF files');
  return { fileName: cleanFileName(file.fileName), type, data: file.data };
}

/** A file as a multipart upload hands it over. */
export interface AttachmentFile {
  fileName: string | undefined;
  data: Buffer;
  truncated: boolean;
}

export async function getAttachment(db: Db, ctx: Ctx, caseId: string, attachmentId: string) {
  authorize(ctx.actor, casesPolicy.read);
  const a = await q.findAttachment(db, ctx.actor.organisationId, caseId, attachmentId);
  if (!a) throw errors.notFound('attachment');
  return a;
}
