import { CASE_LIMITS } from '@voordeur/shared';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { nl } from '../../i18n/staffWords.ts';
import { attachmentErrors, checkAttachment } from './attachmentErrors.ts';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({ lng: 'nl', resources: { nl: { translation: nl } }, interpolation: { escapeValue: false } }),
);
const t = (...args: Parameters<typeof i18n.t>) => i18n.t(...args);
const max = CASE_LIMITS.attachmentMaxBytes / 1024 / 1024;

describe('the attachment form before uploading', () => {
  it('asks for a file when none is chosen', () => {
    expect(checkAttachment(undefined, i18n.t)).toEqual({ file: nl.cases.attachments.choose });
  });

  it('refuses a file over the limit, naming the limit in MB', () => {
    const found = checkAttachment({ size: CASE_LIMITS.attachmentMaxBytes + 1 }, i18n.t);
    expect(found).toEqual({ file: t('cases.attachments.tooLarge', { max }) });
    expect(found.file).toContain(String(max));
  });

  it('lets a file of exactly the limit through', () => {
    expect(checkAttachment({ size: CASE_LIMITS.attachmentMaxBytes }, i18n.t)).toEqual({});
  });
});

describe('a refused upload', () => {
  const problem = (code: string, errors: { field: string; message: string }[] = []) =>
    new ApiError({ status: 400, code, title: 'Title', detail: 'The API’s own sentence.', errors });

  it('words a file the server did not recognise in our own words, next to the field', () => {
    expect(attachmentErrors(problem('attachment_rejected'), i18n.t)).toEqual({
      file: nl.cases.attachments.rejected,
    });
  });

  it('words a file the server found too large the same as the check before uploading', () => {
    expect(attachmentErrors(problem('attachment_too_large'), i18n.t)).toEqual(
      checkAttachment({ size: CASE_LIMITS.attachmentMaxBytes + 1 }, i18n.t),
    );
  });

  it('puts another problem about the file next to the field', () => {
    const found = attachmentErrors(
      problem('validation_failed', [{ field: 'file', message: 'Required' }]),
      i18n.t,
    );
    expect(Object.keys(found)).toEqual(['file']);
    expect(found.file).toBeTruthy();
  });

  it('leaves any other problem to the alert', () => {
    expect(
      attachmentErrors(problem('version_conflict', [{ field: 'version', message: 'x' }]), i18n.t),
    ).toEqual({});
    expect(attachmentErrors(new ApiError({ status: 500 }), i18n.t)).toEqual({});
    expect(attachmentErrors(new Error('network'), i18n.t)).toEqual({});
  });
});
