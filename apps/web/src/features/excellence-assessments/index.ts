/**
 * Self-assessment (issue 15, item 1): the list and start of assessments, and one assessment — scoring, the
 * consensus round and the profile. The only file of this feature the router and others import.
 */
import { excellenceWords } from '../excellence/index.ts';

export const loadAssessmentsPage = async () => {
  await excellenceWords();
  return (await import('./AssessmentsPage.tsx')).AssessmentsPage;
};
export const loadAssessmentPage = async () => {
  await excellenceWords();
  return (await import('./AssessmentPage.tsx')).AssessmentPage;
};
