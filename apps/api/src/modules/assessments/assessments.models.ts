import { type AssessmentModel, assessmentModelSchema } from '@voordeur/shared';
import antwoord from './models/antwoord-profiel.v1.json' with { type: 'json' };
import serviceExcellence from './models/service-excellence.v1.json' with { type: 'json' };

/**
 * The models shipped with Voordeur, available to every organisation: validated by the same schema as a model an
 * organisation loads (a broken file fails at start-up and in the unit test, never half-way through an assessment).
 */
export const SHIPPED_MODELS: readonly AssessmentModel[] = [serviceExcellence, antwoord].map((m) =>
  assessmentModelSchema.parse(m),
);

/** Every element of a model in order, with the code of its dimension. */
export function elementsOf(model: AssessmentModel) {
  return model.dimensions.flatMap((d) =>
    d.elements.map((e) => ({ code: e.code, dimensionCode: d.code, name: e.name })),
  );
}
