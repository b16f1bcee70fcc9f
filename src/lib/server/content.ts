import { getCollection, getEntry, render } from 'astro:content';
import { criterionIds, isCriterionId, type CriterionId } from '../domain/criteria';

/** Authored modules, in the unit's order (P1…P9, K1…K8). */
export async function allModules() {
  const entries = await getCollection('modules');
  return entries.sort((a, b) => criterionIds.indexOf(a.data.criterion) - criterionIds.indexOf(b.data.criterion));
}

export async function moduleFor(criterion: CriterionId) {
  return getEntry('modules', criterion);
}

/** The module named by a URL segment, or null for anything that is not a criterion with a module (404). */
export async function moduleFromParam(param: string | undefined) {
  return param && isCriterionId(param) ? ((await moduleFor(param)) ?? null) : null;
}

/** Authored negotiation scenarios, by title. */
export async function allScenarios() {
  return (await getCollection('scenarios')).sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export async function scenarioFor(id: string) {
  return getEntry('scenarios', id);
}

export { render };
