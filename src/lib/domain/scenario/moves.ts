/**
 * The learner's moves. Each is a small JSON object keyed by `type`, stored with the attempt and replayed to
 * rebuild it, so the shapes are strict: an unknown field is refused rather than silently dropped.
 */
import { z } from 'zod';
import { offerItemSchema } from './schema-parts';

/** A move the scenario does not allow: unknown ids, parameters beyond the scenario, or a move after the end. */
export class MoveRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoveRejected';
  }
}

const id = z.string().min(1, 'an id is required');
/** Optional on the moves that end a conversation: write the term in the register, and invite feedback or promise a follow-up. */
const ending = {
  /** The learner records what was agreed or asked for (P7). */
  record: z.boolean().optional(),
  /** The learner invites feedback or arranges a follow-up (feedback loop). */
  followUp: z.boolean().optional(),
};

export const moveSchema = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        /** Ask one of the scenario's questions. */
        type: z.literal('ask'),
        /** The question's id. */
        questionId: id,
      })
      .strict(),
    z
      .object({
        /** Answer the tactic the customer is using. */
        type: z.literal('respond'),
        /** The beat waiting for an answer. */
        beatId: id,
        /** The chosen answer's id. */
        optionId: id,
      })
      .strict(),
    z
      .object({
        /** Propose an offer built from the scenario's concessions. */
        type: z.literal('offer'),
        /** What is offered; an empty list holds the full price. */
        concessions: z.array(offerItemSchema).max(10),
      })
      .strict(),
    z
      .object({
        /** "If you …, then I can …": ask for something in return. */
        type: z.literal('trade'),
        /** What the learner asks for (an id from the scenario's trade asks). */
        ask: id,
        /** What the learner gives if the customer agrees. */
        concessions: z.array(offerItemSchema).min(1, 'a trade gives at least one concession').max(10),
      })
      .strict(),
    z
      .object({
        /** Say no kindly. */
        type: z.literal('decline'),
        /** What is offered instead (ids from the scenario's alternatives); none at all is a bare no. */
        alternativeIds: z.array(id).max(10),
        ...ending,
      })
      .strict(),
    z
      .object({
        /** Fetch the manager, which ends the learner's part. */
        type: z.literal('refer'),
        ...ending,
      })
      .strict(),
    z
      .object({
        /** Close on the current offer, summarising it. */
        type: z.literal('close'),
        ...ending,
      })
      .strict(),
  ],
  { message: 'a move type is ask, respond, offer, trade, decline, refer or close' },
);
export type Move = z.infer<typeof moveSchema>;
export type MoveType = Move['type'];

/** Check untrusted JSON (a request body, a stored move) is a move; throws MoveRejected naming the field. */
export function parseMove(raw: unknown): Move {
  const result = moveSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
    throw new MoveRejected(`not a valid move: ${where}${first?.message ?? 'unreadable'}`);
  }
  return result.data;
}
