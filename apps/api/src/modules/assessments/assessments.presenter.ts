import type { AssessmentModel, AssessmentStatus, AssessmentSummary } from '@voordeur/shared';
import type { AssessmentRow } from './assessments.queries.ts';

export function presentSummary(r: {
  a: AssessmentRow;
  raters: number;
  submitted: number;
  myRole: AssessmentSummary['myRole'];
}): AssessmentSummary {
  const model = r.a.model as AssessmentModel;
  return {
    id: r.a.id,
    title: r.a.title,
    modelCode: r.a.modelCode,
    modelVersion: r.a.modelVersion,
    modelName: model.name,
    referenceDate: r.a.referenceDate,
    status: r.a.status as AssessmentStatus,
    raters: r.raters,
    submitted: r.submitted,
    myRole: r.myRole,
    closedAt: r.a.closedAt?.toISOString() ?? null,
    version: r.a.version,
  };
}

export function presentModel(model: AssessmentModel, shipped: boolean) {
  return {
    code: model.code,
    version: model.version,
    name: model.name,
    description: model.description,
    shipped,
    elements: model.dimensions.reduce((n, d) => n + d.elements.length, 0),
  };
}

export const presentScore = (s: { elementCode: string; level: number | null; evidence: unknown }) => ({
  elementCode: s.elementCode,
  level: s.level,
  evidence: s.evidence as { text: string; kpis: string[]; documents: string[]; improvements: string[] },
});
