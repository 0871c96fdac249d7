import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import type staff from './sections/staff.nl.json';

/*
 * Words for every action and kind of record the audit trail can hold (the lists in @voordeur/shared, which the
 * API's recordAudit is typed with). A code without Dutch words fails this type check, naming the code; the
 * English words are checked by auditWords.unit.test.ts.
 */
type Words = (typeof staff)['auditWords'];
type Unworded<Code extends string, Keys> = Exclude<Code, Keys>;
const everyActionWorded: [Unworded<AuditAction, keyof Words['actions']>] extends [never]
  ? true
  : Unworded<AuditAction, keyof Words['actions']> = true;
const everyKindWorded: [Unworded<AuditEntityType, keyof Words['entityTypes']>] extends [never]
  ? true
  : Unworded<AuditEntityType, keyof Words['entityTypes']> = true;
void everyActionWorded;
void everyKindWorded;

const isAction = (code: string): code is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(code);
const isKind = (code: string): code is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(code);

/** An audit action in words; a code from an older version without words is shown with spaces. */
export const auditActionLabel = (code: string, t: TFunction): string =>
  isAction(code) ? t(`auditWords.actions.${code}`) : code.replaceAll('_', ' ');

/** A kind of record in words. */
export const auditEntityLabel = (code: string, t: TFunction): string =>
  isKind(code) ? t(`auditWords.entityTypes.${code}`) : code.replaceAll('_', ' ');
