import { AppError, errors } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  segment_code_taken: {
    status: 409,
    title: 'Segment code in use',
    description: 'Another segment of the organisation has this code.',
  },
});

export const metricErrors = {
  segmentCodeTaken: () =>
    new AppError(409, 'segment_code_taken', 'Segment code in use', 'Another segment has this code.', [
      { field: 'code', message: 'Already in use' },
    ]),
  /** A bad query parameter, named. */
  field: (field: string, message: string) => errors.validation([{ field, message }], message),
};
