import { randomUUID } from 'node:crypto';
import type { Db } from '@voordeur/db';
import type { AuditEntityType, VersionedAbilities } from '@voordeur/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgTableWithColumns } from 'drizzle-orm/pg-core';
import { type AppError, errors } from '../plugins/errors.ts';
import type { Actor, Ctx } from './actor.ts';
import { type AuditInput, recordAudit } from './audit.ts';
import { authorize, type Rule } from './policy.ts';

/**
 * One lifecycle for versioned content: draft → published → retired, with optimistic versions (ADR
 * "versioned content and intake"). Catalogue items and knowledge articles use it; survey definitions, message
 * templates and assessment models are meant to.
 *
 * A versioned document is two tables:
 * - the *document* (one row per thing, e.g. `catalogue_item`): `state`, `published_version_id`,
 *   `draft_version_id` and the optimistic `version` that every change checks and raises by one;
 * - its *versions* (e.g. `catalogue_item_version`): `number` (1, 2, …), the whole `definition` as validated JSON,
 *   and their own `state` (draft → published → superseded, or retired). A published version is never edited:
 *   cases and answers keep pointing at the version they were made under.
 *
 * Every step here writes its rows and its audit event in the caller's transaction, and starts with the
 * version-checked update of the document: when it matches no row (someone else changed the document since the
 * caller read it, also between the caller's read and this write) it throws the 409 `version_conflict` problem
 * before anything is written, and the caller's transaction rolls back. The caller keeps its own rules:
 * validation of the definition, the search index, and reading the document back.
 *
 * Who may change a document, and what its state allows, is decided here once (`rule`, `refusal`): the actions
 * check both, and the presenters hand the same answers to the web as the document's `abilities` (ADR "shared
 * rules and abilities").
 */

/** The state of a document (its current row). */
export type DocumentState = 'draft' | 'published' | 'retired';
/** The state of one of its versions; `superseded` once a later version is published. */
export type VersionState = 'draft' | 'published' | 'superseded' | 'retired';

/** The lifecycle's columns on the document table. */
type DocumentColumns = {
  id: PgColumn;
  organisationId: PgColumn;
  state: PgColumn;
  publishedVersionId: PgColumn;
  draftVersionId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};
/** The lifecycle's columns on the version table (plus the column naming its document). */
type VersionColumns = {
  id: PgColumn;
  organisationId: PgColumn;
  number: PgColumn;
  definition: PgColumn;
  state: PgColumn;
  createdByUserId: PgColumn;
  publishedAt: PgColumn;
};
type LifecycleField = 'id' | 'organisationId' | 'state' | 'publishedVersionId' | 'draftVersionId' | 'version';

/** The document as the caller read it (in its transaction), with its draft and published version if any. */
export interface Current {
  doc: { id: string; organisationId: string; version: number; state: string };
  draft: { id: string; number: number } | null;
  published: { id: string; number: number } | null;
}

/** Every action on one document that its admin page offers (creating one is not on a document). */
export type VersionedAction = keyof VersionedAbilities;

/** What the state rules look at: the document's state and whether it has an open draft. */
export interface VersionedState {
  doc: { state: string };
  draft: { id: string } | null;
}

/** The problems a document's state answers, in its module's words (their codes and statuses are the module's). */
export interface VersionedRefusals {
  /** Publish without an open draft. */
  noDraft: () => AppError;
  /** Retire what is retired already. */
  retiredAlready: () => AppError;
}

/** What the caller adds to a step's audit event (create and save: the change of the definition). */
type AuditDetail = Pick<AuditInput, 'before' | 'after' | 'changes'>;

/**
 * The lifecycle over one pair of tables. `documentKey` names the version table's column that points at its
 * document (`itemId` for `catalogue_item_version`); `entityType` is the kind of record in the audit trail.
 *
 * `rule` is who may change them and `refusals` the problems their state answers.
 *
 * @example
 * const lifecycle = versionedDocuments({
 *   documents: catalogueItem, versions: catalogueItemVersion, documentKey: 'itemId', entityType: 'catalogue_item',
 *   rule: allows('manageCatalogue'), refusals: { noDraft: catalogueErrors.noDraft, retiredAlready: … },
 * });
 */
export function versionedDocuments<
  D extends PgTable & DocumentColumns,
  V extends PgTable & VersionColumns,
  K extends keyof V['$inferInsert'] & keyof V & string,
>(spec: {
  documents: D;
  versions: V;
  documentKey: K;
  entityType: AuditEntityType;
  /** Who may create and change documents of this kind (every action needs it: 403 otherwise). */
  rule: Rule;
  refusals: VersionedRefusals;
}) {
  // Drizzle's builders do not follow a generic table through their types: the columns are checked above.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const documents = spec.documents as unknown as PgTableWithColumns<any>;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const versions = spec.versions as unknown as PgTableWithColumns<any>;
  const documentOf = versions[spec.documentKey] as PgColumn;
  const { entityType, rule, refusals } = spec;

  /**
   * Why the document, as it stands, refuses an action whatever the request says (null: it does not). Editing is
   * always possible (a retired document keeps a draft that may be published again); publishing needs a draft;
   * retiring needs a document that is not retired already.
   */
  function refusal(s: VersionedState, action: VersionedAction): AppError | null {
    switch (action) {
      case 'saveDraft':
        return null;
      case 'publish':
        return s.draft ? null : refusals.noDraft();
      case 'retire':
        return s.doc.state === ('retired' satisfies DocumentState) ? refusals.retiredAlready() : null;
    }
  }

  /** Throws the refusal of the document's state, if any. */
  function check(s: VersionedState, action: VersionedAction): void {
    const refused = refusal(s, action);
    if (refused) throw refused;
  }

  /** The version-checked update of the document; 409 when it matches no row. */
  async function updateDocument(
    db: Db,
    current: Current,
    version: number,
    values: Record<string, unknown>,
  ): Promise<void> {
    const [updated] = await db
      .update(documents)
      .set({ ...values, version: sql`${documents.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(documents.organisationId, current.doc.organisationId),
          eq(documents.id, current.doc.id),
          eq(documents.version, version),
        ),
      )
      .returning({ id: documents.id });
    if (!updated) throw errors.versionConflict();
  }

  function updateVersion(db: Db, organisationId: string, id: string, values: Record<string, unknown>) {
    return db
      .update(versions)
      .set(values)
      .where(and(eq(versions.organisationId, organisationId), eq(versions.id, id)));
  }

  async function insertVersion(
    db: Db,
    organisationId: string,
    documentId: string,
    number: number,
    definition: unknown,
    userId: string | null,
    id: string = randomUUID(),
  ): Promise<string> {
    await db.insert(versions).values({
      id,
      organisationId,
      [spec.documentKey]: documentId,
      number,
      definition,
      state: 'draft' satisfies VersionState,
      createdByUserId: userId,
    });
    return id;
  }

  async function lastNumber(db: Db, organisationId: string, documentId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(max(${versions.number}), 0)::int` })
      .from(versions)
      .where(and(eq(versions.organisationId, organisationId), eq(documentOf, documentId)));
    return row?.n ?? 0;
  }

  return {
    refusal,
    check,

    /** Throws 403 unless the actor may create and change documents of this kind: the first check of each action. */
    authorize(actor: Actor): void {
      authorize(actor, rule);
    },

    /**
     * What this actor may do to this document now: the role rule and the state rule above, the same two checks
     * each action makes. The presenters return it as the document's `abilities`.
     */
    abilities(actor: Actor, s: VersionedState): VersionedAbilities {
      const may = (action: VersionedAction) => rule(actor) && refusal(s, action) === null;
      return { saveDraft: may('saveDraft'), publish: may('publish'), retire: may('retire') };
    },

    /**
     * Refuses (409) when the caller saw another version than the current one: the cheap early check, before
     * the caller validates anything. Each step below checks again where it counts, in its update.
     */
    expectVersion(current: Current, version: number): void {
      if (current.doc.version !== version) throw errors.versionConflict();
    },

    /**
     * Creates a document as a draft: the row (with the caller's own columns, `values`), version 1 holding
     * `definition`, and the audit event `created`. The new document's version is 2 (made, then pointed at its
     * draft). Returns its id.
     */
    async create(
      db: Db,
      ctx: Ctx,
      input: {
        definition: unknown;
        values: Omit<D['$inferInsert'], LifecycleField>;
        audit?: AuditDetail | undefined;
      },
    ): Promise<string> {
      const organisationId = ctx.actor.organisationId;
      const [row] = await db
        .insert(documents)
        .values({ ...input.values, organisationId, state: 'draft' satisfies DocumentState })
        .returning({ id: documents.id, version: documents.version });
      const { id, version } = row as { id: string; version: number };
      const draftId = await insertVersion(db, organisationId, id, 1, input.definition, ctx.actor.userId);
      const current = { doc: { id, organisationId, version, state: 'draft' }, draft: null, published: null };
      await updateDocument(db, current, version, { draftVersionId: draftId });
      await recordAudit(db, ctx, { entityType, entityId: id, action: 'created', ...input.audit });
      return id;
    },

    /**
     * Saves the draft: edits the open draft version, or starts the next version when there is none (the
     * published one stays as it is). Audit event `draft_saved`.
     */
    async saveDraft(
      db: Db,
      ctx: Ctx,
      current: Current,
      version: number,
      input: { definition: unknown; audit?: AuditDetail | undefined },
    ): Promise<void> {
      const { id, organisationId } = current.doc;
      // The document first: a concurrent save waits on its row, then finds the version changed.
      const draftId = current.draft?.id ?? randomUUID();
      await updateDocument(db, current, version, { draftVersionId: draftId });
      if (current.draft) await updateVersion(db, organisationId, draftId, { definition: input.definition });
      else {
        const number = (await lastNumber(db, organisationId, id)) + 1;
        await insertVersion(db, organisationId, id, number, input.definition, ctx.actor.userId, draftId);
      }
      await recordAudit(db, ctx, { entityType, entityId: id, action: 'draft_saved', ...input.audit });
    },

    /**
     * Publishes the draft: it becomes the published version (the one before is superseded), the document is
     * `published` with the caller's columns taken from the new definition (`values`), and the audit event
     * `published` names both version numbers. Refused (`refusals.noDraft`) without a draft; callers check
     * (`check(current, 'publish')`) before they read the draft.
     */
    async publish(
      db: Db,
      ctx: Ctx,
      current: Current & { draft: NonNullable<Current['draft']> },
      version: number,
      values: Partial<Omit<D['$inferInsert'], LifecycleField>> = {},
    ): Promise<void> {
      const { id, organisationId } = current.doc;
      check(current, 'publish');
      await updateDocument(db, current, version, {
        ...values,
        state: 'published' satisfies DocumentState,
        publishedVersionId: current.draft.id,
        draftVersionId: null,
      });
      if (current.published)
        await updateVersion(db, organisationId, current.published.id, {
          state: 'superseded' satisfies VersionState,
        });
      await updateVersion(db, organisationId, current.draft.id, {
        state: 'published' satisfies VersionState,
        publishedAt: new Date(),
      });
      await recordAudit(db, ctx, {
        entityType,
        entityId: id,
        action: 'published',
        changes: { version: { before: current.published?.number ?? null, after: current.draft.number } },
      });
    },

    /**
     * Retires the document: it and its published version become `retired` (an open draft stays, and may be
     * published again later); audit event `retired`. What was made under a version keeps it. Refused
     * (`refusals.retiredAlready`) when it is retired already.
     */
    async retire(db: Db, ctx: Ctx, current: Current, version: number): Promise<void> {
      const { id, organisationId } = current.doc;
      check(current, 'retire');
      await updateDocument(db, current, version, { state: 'retired' satisfies DocumentState });
      if (current.published)
        await updateVersion(db, organisationId, current.published.id, {
          state: 'retired' satisfies VersionState,
        });
      await recordAudit(db, ctx, {
        entityType,
        entityId: id,
        action: 'retired',
        changes: { state: { before: current.doc.state, after: 'retired' } },
      });
    },
  };
}
