/**
 * Surveys administration: the survey definitions (versioned: draft, publish) and which survey applies when.
 * The only file of this feature that other features and the shell import.
 */

// Its page, loaded when first visited: every page is its own chunk (ADR 0012).
export const loadSurveysPage = async () => (await import('./SurveysPage.tsx')).SurveysPage;
