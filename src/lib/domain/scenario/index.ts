/**
 * The negotiation scenarios' public API, for the pages and the database layer: the format, the engine,
 * the move palette and the debrief. Everything here is pure; loading files and storing attempts is elsewhere.
 */
export { parseScenario, scenarioSchema, type Scenario } from './schema';
export type { Alternative, Beat, NoteTrigger, Question, TradeAsk } from './schema-conversation';
export type { OfferItem, ScenarioConcession } from './schema-parts';
export { MoveRejected, moveSchema, parseMove, type Move, type MoveType } from './moves';
export { applyMove, initialState, replay } from './engine';
export type { AttemptState, BeatResponse, CurrentOffer, Turn } from './state';
export { availableMoves, type Palette, type PaletteConcession } from './palette';
export { customerVerdict, quoteOffer, type OfferQuote } from './economics';
export { debrief, type Debrief } from './debrief';
export type { AuthorityStatus, Verdict } from './debrief-rules';
export { moodOf, type Mood } from './rules';
export * from './ids';
