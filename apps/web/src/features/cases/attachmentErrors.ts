import { CASE_LIMITS } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { caseFieldErrors } from './actionKit.tsx';

const tooLarge = (t: TFunction) =>
  t('cases.attachments.tooLarge', { max: CASE_LIMITS.attachmentMaxBytes / 1024 / 1024 });

/** What the attachment form says before uploading: a file must be chosen, and not be too large. */
export function checkAttachment(file: { size: number } | undefined, t: TFunction): FieldErrors {
  if (!file) return { file: t('cases.attachments.choose') };
  if (file.size > CASE_LIMITS.attachmentMaxBytes) return { file: tooLarge(t) };
  return {};
}

/**
 * A refused upload, next to the file field: a file the server did not recognise as a photo or PDF, or one too
 * large, in our own words; any other problem about the file as the API words it. Anything else is the alert's.
 */
export function attachmentErrors(error: unknown, t: TFunction): FieldErrors {
  if (isApiError(error) && error.code === 'attachment_rejected')
    return { file: t('cases.attachments.rejected') };
  if (isApiError(error) && error.code === 'attachment_too_large') return { file: tooLarge(t) };
  const file = caseFieldErrors(error, t).file;
  return file ? { file } : {};
}
