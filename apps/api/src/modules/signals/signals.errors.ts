import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  signal_not_open: {
    status: 409,
    title: 'Already handled',
    description:
      'The signal or cluster was dismissed or turned into a proposal: only open ones can be triaged.',
  },
});

export const signalErrors = {
  notOpen: () =>
    new AppError(
      409,
      'signal_not_open',
      'Already handled',
      'This signal or cluster was dismissed or turned into a proposal. Reload the inbox.',
    ),
};
