import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { moduleSchema } from './lib/domain/content/module-schema';
import { scenarioSchema } from './lib/domain/scenario/schema';

/**
 * Modules are validated at build time: a file that breaks the schema stops `astro build` with the
 * file and the field named. The schema lives in lib/domain so tests parse files with it directly.
 */
const modules = defineCollection({
  // Ids are the criterion ids (P1…K8), not Astro's lower-cased slugs, so URLs and records agree.
  loader: glob({ pattern: '[PK][1-9].md', base: './content/modules', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: moduleSchema,
});

/** Negotiation scenarios: one YAML file each, id = file name, checked field by field at build time. */
const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/scenarios', generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }),
  schema: scenarioSchema,
});

export const collections = { modules, scenarios };
