/**
 * The negotiation-scenario format (DOMAIN §2): one YAML file per scenario under content/scenarios/, checked
 * by `scenarioSchema`. Field comments here, in schema-parts.ts and in schema-conversation.ts are the authors' documentation; the
 * cross-field rules live in schema-rules.ts.
 */
import { z } from 'zod';
import { criterionIds } from '../criteria';
import { bestRoutes, tacticIds } from './ids';
import { alternativeSchema, beatSchema, customerSchema, noteSchema, questionSchema, referralSchema, tradeAskSchema } from './schema-conversation';
import { authoritySchema, competitorSchema, kebabId, productSchema, scenarioConcessionSchema, shopSchema } from './schema-parts';
import { checkScenarioRules } from './schema-rules';

const scenarioObject = z
  .object({
    /** Lowercase-kebab, and the same as the file name without ".yaml"; stored with attempts, so never reuse one. */
    id: kebabId,
    /** Shown in the list of scenarios. */
    title: z.string().trim().min(5, 'the title needs at least 5 characters').max(90, 'keep the title under 90 characters'),
    /** One or two sentences saying what the learner walks into. */
    summary: z.string().trim().min(20, 'the summary needs at least 20 characters').max(400, 'keep the summary to 400 characters'),
    /** The criteria a well-played attempt evidences: any of P2, P3, P4, P5, P6, P7, K1, K2, K3, K4. */
    criteria: z.array(z.enum(criterionIds, { message: 'each criterion is one of P1–P9 or K1–K8' })).min(1, 'list at least one criterion'),
    /** The customer tactics the scenario uses: exactly the tactics of its beats. */
    tactics: z.array(z.enum(tacticIds, { message: `each tactic is one of ${tacticIds.join(', ')}` })).min(1, 'list at least one tactic'),
    /** The route a trainer would recommend: a deal, a positive decline with alternatives, or referral to a manager (referral is the right call only when this says refer). */
    bestRoute: z.enum(bestRoutes, { message: 'bestRoute is deal, decline or refer' }),
    /** The shop, its brand and its policy. */
    shop: shopSchema,
    /** What a competitor is doing, if it matters here. */
    competitor: competitorSchema.optional(),
    /** What the learner may agree without a manager in this scenario. */
    authority: authoritySchema,
    /** What the customer is buying. */
    products: z.array(productSchema).min(1, 'list at least one product'),
    /** Who the customer is and what is hidden about them. */
    customer: customerSchema,
    /** The concessions the learner can build offers from (include some beyond their authority: that is part of the test). */
    concessions: z.array(scenarioConcessionSchema).min(1, 'list at least one concession'),
    /** The questions the learner can ask, good and poor. */
    questions: z.array(questionSchema).min(3, 'give at least 3 questions'),
    /** The customer's tactics, each a moment with answers to choose from. */
    beats: z.array(beatSchema).min(1, 'give at least one tactic beat'),
    /** What the learner can ask for in return when trading ("if you …, then I can …"). */
    tradeAsks: z.array(tradeAskSchema).default([]),
    /** What the learner can offer instead when declining. */
    alternatives: z.array(alternativeSchema).default([]),
    /** What happens when the learner fetches a manager. */
    referral: referralSchema,
    /** The trainer's notes for the moments that matter, each shown in the debrief when its trigger holds. */
    notes: z.array(noteSchema).min(1, 'write at least one debrief note'),
  });
/** A scenario that has passed the field checks but not yet the cross-field rules. */
export type ScenarioShape = z.infer<typeof scenarioObject>;

export const scenarioSchema = scenarioObject.superRefine(checkScenarioRules);

export type Scenario = z.infer<typeof scenarioSchema>;

/** Parse one scenario file's content; throws an Error naming the file and each bad field's path. */
export function parseScenario(raw: unknown, fileName: string): Scenario {
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new Error(`${fileName}: ${lines.join('; ')}`);
  }
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.(ya?ml|json)$/i, '');
  if (result.data.id !== base) throw new Error(`${fileName}: id: must equal the file name "${base}" (got "${result.data.id}")`);
  return result.data;
}
