import { AppError, errors } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  pulse_already_answered: {
    status: 409,
    title: 'Already answered',
    description: 'You answered this pulse round already; everyone answers once per round.',
  },
  pulse_round_closed: {
    status: 409,
    title: 'Round closed',
    description: 'The pulse round is closed or not open on this day.',
  },
  pulse_round_overlaps: {
    status: 409,
    title: 'Round overlaps',
    description: 'Another pulse round shares a day with this one.',
  },
});

export const pulseErrors = {
  alreadyAnswered: () =>
    new AppError(409, 'pulse_already_answered', 'Already answered', 'You answered this round already.'),
  roundClosed: () => new AppError(409, 'pulse_round_closed', 'Round closed', 'This pulse round is not open.'),
  overlaps: () =>
    new AppError(
      409,
      'pulse_round_overlaps',
      'Round overlaps',
      'Another pulse round shares a day with this one.',
      [{ field: 'startsOn', message: 'Overlaps another round' }],
    ),
  field: (field: string, message: string) => errors.validation([{ field, message }], message),
};
