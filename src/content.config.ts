import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { moduleSchema } from './lib/domain/content/module-schema';

/**
 * Modules are validated at build time: a file that breaks the schema stops `astro build` with the
 * file and the field named. The schema lives in lib/domain so tests parse files with it directly.
 */
const modules = defineCollection({
  // Ids are the criterion ids (P1…K8), not Astro's lower-cased slugs, so URLs and records agree.
  loader: glob({ pattern: '[PK][1-9].md', base: './content/modules', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: moduleSchema,
});

export const collections = { modules };
