/**
 * The anonymous staff pulse (issue 15, elements 4 and 6): a short survey about service culture, a round per week
 * or month. Anonymity is a property of these tables (ADR 0041-anonymous-pulse): whether someone answered
 * (`pulse_participation`) holds no answer; an answer (`pulse_answer`) holds no user, no time at all (only its
 * round), and a team only when that team had at least the minimum number of answers in the round. While a round
 * is open its answers wait sealed (encrypted with the data key) in `pulse_held`; they are written in one shuffled
 * batch when the round closes.
 */
import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { appUser } from './users.ts';

/** The pulse's statements: versioned (a new set is a new number; a round keeps the set it was asked with). */
export const pulseQuestionnaire = pgTable(
  'pulse_questionnaire',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    number: integer('number').notNull(),
    /** `PulseQuestions` in @voordeur/shared: 4–6 statements and the optional open question, nl and en. */
    questions: jsonb('questions').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'pulse_questionnaire_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('pulse_questionnaire_number_uq').on(t.organisationId, t.number),
  ],
);

/** One round of the pulse: the days it is open, the statements asked, and — once closed — how many answers count. */
export const pulseRound = pgTable(
  'pulse_round',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    /** week | month */
    period: text('period').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** After closing: the answers kept (0 when fewer than the minimum answered: those were never written). */
    respondents: integer('respondents'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'pulse_round_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'pulse_round_questionnaire_fk',
      columns: [t.organisationId, t.questionnaireId],
      foreignColumns: [pulseQuestionnaire.organisationId, pulseQuestionnaire.id],
    }),
    index('pulse_round_starts_idx').on(t.organisationId, t.startsOn),
  ],
);

/** That a user answered a round (once): no answer, no time. */
export const pulseParticipation = pgTable(
  'pulse_participation',
  {
    organisationId: organisationId(),
    roundId: uuid('round_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'pulse_participation_pkey', columns: [t.organisationId, t.roundId, t.userId] }),
    foreignKey({
      name: 'pulse_participation_round_fk',
      columns: [t.organisationId, t.roundId],
      foreignColumns: [pulseRound.organisationId, pulseRound.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'pulse_participation_user_fk',
      columns: [t.organisationId, t.userId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }).onDelete('cascade'),
  ],
);

/** An answer of an open round, sealed with the data key until the round closes: no user, no time, no team in clear. */
export const pulseHeld = pgTable(
  'pulse_held',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    roundId: uuid('round_id').notNull(),
    sealed: bytea('sealed').notNull(),
  },
  (t) => [
    primaryKey({ name: 'pulse_held_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'pulse_held_round_fk',
      columns: [t.organisationId, t.roundId],
      foreignColumns: [pulseRound.organisationId, pulseRound.id],
    }).onDelete('cascade'),
  ],
);

/** An answer of a closed round: scores 1–5 per statement and the optional text; no user and no time but its round. */
export const pulseAnswer = pgTable(
  'pulse_answer',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    roundId: uuid('round_id').notNull(),
    /** Only when the team had at least the minimum number of answers in the round; otherwise null. */
    teamId: uuid('team_id'),
    /** One score (1–5) per statement, in the questionnaire's order. */
    scores: jsonb('scores').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    primaryKey({ name: 'pulse_answer_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'pulse_answer_round_fk',
      columns: [t.organisationId, t.roundId],
      foreignColumns: [pulseRound.organisationId, pulseRound.id],
    }).onDelete('cascade'),
  ],
);
