/**
 * The soak's mixed load: a fixed number of virtual users, each repeating "pick an action by weight, do
 * it, pause" until the deadline. Reads cover each role's pages and a static file; writes go through the
 * same forms and JSON APIs the browser uses (STAR autosave, scenario moves, a knowledge check, a
 * special-terms register entry, signing in and out), each judged by the status it must answer.
 *
 * Every virtual user has its own reflection, its own negotiation and its own module's check, so users
 * never trip over each other's optimistic-concurrency checks: any 409 or 400 is a real failure.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { criterionIds } from '../../src/lib/domain/criteria';
import { DEMO_PASSWORD, ROOT } from '../bench/server';
import { send, type Recorder } from './requests';

export interface Sessions {
  learner: string;
  assessor: string;
  manager: string;
}

/** The part of a negotiation's palette (src/lib/server/practice/view.ts) the soak plays from. */
interface Palette {
  pendingBeat: { id: string; options: { id: string }[] } | null;
  questions: { id: string }[];
  concessions: { id: string; allowedByAuthority: boolean; discount: { step: number } | null }[];
  currentOffer: unknown;
}

interface Negotiation {
  id: string;
  seq: number;
  moves: number;
  palette: Palette;
}

interface VirtualUser {
  index: number;
  reflection: { id: string; version: number };
  negotiation: Negotiation | null;
  /** The module whose knowledge check this user takes: one per user, so open attempts are never shared. */
  criterion: string | null;
}

interface ScenarioFile {
  id: string;
  questions: { id: string; after?: string }[];
  beats: { id: string; when: string; options: { id: string }[] }[];
}

const SCENARIOS: ScenarioFile[] = readdirSync(join(ROOT, 'content/scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join(ROOT, 'content/scenarios', f), 'utf8')) as ScenarioFile);

/** The palette of a fresh attempt, from the scenario as authored: its opening tactic, or its first questions. */
function openingPalette(s: ScenarioFile): Palette {
  const beat = s.beats.find((b) => b.when === 'start');
  return { pendingBeat: beat ? { id: beat.id, options: beat.options } : null, questions: beat ? [] : s.questions.filter((q) => q.after === undefined), concessions: [], currentOffer: null };
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** A legal next move: answer a tactic, ask a few questions, make one offer, then close (or fetch the manager). */
function nextMove(p: Palette, moves: number): unknown {
  if (p.pendingBeat) return { type: 'respond', beatId: p.pendingBeat.id, optionId: pick(p.pendingBeat.options).id };
  if (p.questions.length > 0 && moves < 5) return { type: 'ask', questionId: pick(p.questions).id };
  const concession = p.concessions.find((c) => c.allowedByAuthority) ?? p.concessions[0];
  if (!p.currentOffer && concession) return { type: 'offer', concessions: [concession.discount ? { id: concession.id, fraction: concession.discount.step } : { id: concession.id }] };
  return moves < 10 ? { type: 'close', record: true, followUp: true } : { type: 'refer', record: true, followUp: true };
}

const REFLECTION_PARAGRAPHS = [
  'Situation: a regular customer came to the till on a busy Saturday with a quote from a competitor that was £40 cheaper for the same patio set.',
  'Task: I had to keep her goodwill without giving away margin we could not afford, and stay within my authority of 5 % off.',
  'Action: I asked what she needed the set for and listened; she had grandchildren visiting, so delivery before the 14th mattered more than price. I explained our price-match policy honestly and offered free delivery and assembly, which costs us about £18, in return for her booking the Thursday van.',
  'Result: she bought the set at full price with delivery, thanked me for asking, and I logged the term in the register. My manager said the delivery trade kept £22 more profit than matching the quote would have. Next time I would ask about timing even sooner.',
];

export class Mix {
  readonly users: VirtualUser[] = [];
  private readonly actions: { weight: number; run: (u: VirtualUser) => Promise<void> }[];
  private readonly totalWeight: number;

  constructor(
    private readonly rec: Recorder,
    private readonly base: string,
    private readonly sessions: Sessions,
  ) {
    const get = (kind: string, path: string, cookie?: string) => async () => void (await send(rec, base, kind, path, 200, { cookie }));
    // Relative weights: about two thirds reads, one third writes.
    this.actions = [
      { weight: 10, run: get('static', '/favicon.svg') },
      { weight: 12, run: get('learn', '/learn', sessions.learner) },
      { weight: 8, run: get('learn-module', '/learn/modules/P1', sessions.learner) },
      { weight: 6, run: get('learn-portfolio', '/learn/portfolio', sessions.learner) },
      { weight: 8, run: get('assess', '/assess', sessions.assessor) },
      { weight: 6, run: get('manage', '/manage', sessions.manager) },
      { weight: 4, run: get('manage-register', '/manage/register', sessions.manager) },
      { weight: 8, run: (u) => this.saveReflection(u) },
      { weight: 8, run: (u) => this.playScenario(u) },
      { weight: 2, run: (u) => this.takeCheck(u) },
      // Each entry adds a row to the unpaginated register the manager reads: kept rare, as in a shop.
      { weight: 0.4, run: () => this.logTerm() },
      { weight: 0.5, run: () => this.signInAndOut() },
    ];
    this.totalWeight = this.actions.reduce((sum, a) => sum + a.weight, 0);
  }

  /** One reflection per virtual user, made through the real "new reflection" form. */
  async setUp(count: number): Promise<void> {
    for (let index = 0; index < count; index++) {
      const r = await send(this.rec, this.base, 'reflection-new', '/learn/reflections/new', 303, { cookie: this.sessions.learner, form: { title: `Soak reflection ${index + 1}`, claims: 'P3' } });
      const id = r?.location && /\/learn\/reflections\/([^/?]+)$/.exec(new URL(r.location, this.base).pathname)?.[1];
      if (!id) throw new Error(`could not create a reflection for virtual user ${index + 1}`);
      this.users.push({ index, reflection: { id, version: 0 }, negotiation: null, criterion: criterionIds[index] ?? null });
    }
  }

  /** Runs one virtual user until the deadline, pausing a random 0–2 × `thinkMs` between actions. */
  async run(u: VirtualUser, deadline: number, thinkMs: number): Promise<void> {
    while (Date.now() < deadline) {
      let r = Math.random() * this.totalWeight;
      const action = this.actions.find((a) => (r -= a.weight) < 0) ?? this.actions[0]!;
      await action.run(u);
      if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * thinkMs));
    }
  }

  /** The STAR editor's autosave: a new text each time, from the version this user last saved. */
  private async saveReflection(u: VirtualUser): Promise<void> {
    const n = 1 + (u.reflection.version % REFLECTION_PARAGRAPHS.length);
    const body = `${REFLECTION_PARAGRAPHS.slice(0, n).join('\n\n')}\n\n(draft ${u.reflection.version + 1})`;
    const r = await send(this.rec, this.base, 'reflection-save', `/api/reflections/${u.reflection.id}`, 200, { cookie: this.sessions.learner, json: { baseVersion: u.reflection.version, body } });
    if (r) u.reflection.version = (JSON.parse(r.body) as { version: number }).version;
  }

  /** One move of this user's negotiation; a new attempt when there is none or the last one ended. */
  private async playScenario(u: VirtualUser): Promise<void> {
    if (!u.negotiation) {
      const scenario = SCENARIOS[(u.index + Math.floor(Math.random() * SCENARIOS.length)) % SCENARIOS.length]!;
      const r = await send(this.rec, this.base, 'scenario-start', `/learn/scenarios/${scenario.id}`, 303, { cookie: this.sessions.learner, form: {} });
      const id = r?.location?.split('/').pop();
      if (id) u.negotiation = { id, seq: 0, moves: 0, palette: openingPalette(scenario) };
      return;
    }
    const n = u.negotiation;
    const r = await send(this.rec, this.base, 'scenario-move', `/api/scenario-attempts/${n.id}`, 200, { cookie: this.sessions.learner, json: { seq: n.seq, move: nextMove(n.palette, n.moves) } });
    if (!r) {
      u.negotiation = null;
      return;
    }
    const { view } = JSON.parse(r.body) as { view: { seq: number; ended: boolean; palette: Palette } };
    u.negotiation = view.ended ? null : { id: n.id, seq: view.seq, moves: n.moves + 1, palette: view.palette };
  }

  /** Start (or carry on with) this user's module check, read it, and answer it through the JSON API. */
  private async takeCheck(u: VirtualUser): Promise<void> {
    if (!u.criterion) return this.saveReflection(u);
    const started = await send(this.rec, this.base, 'check-start', `/learn/modules/${u.criterion}/check`, 303, { cookie: this.sessions.learner, form: {} });
    if (!started?.location) return;
    const path = new URL(started.location, this.base).pathname;
    const page = await send(this.rec, this.base, 'check-page', path, 200, { cookie: this.sessions.learner });
    if (!page) return;
    const answers: Record<string, string[]> = {};
    for (const input of page.body.match(/<input\b[^>]*>/g) ?? []) {
      const name = /\bname="q-([^"]+)"/.exec(input)?.[1];
      const value = /\bvalue="([^"]+)"/.exec(input)?.[1];
      if (name && value && (!answers[name] || Math.random() < 0.3)) answers[name] = [value];
    }
    if (Object.keys(answers).length === 0) return; // already marked: nothing to answer
    await send(this.rec, this.base, 'check-submit', `/api/checks/${path.split('/').pop()}`, 200, { cookie: this.sessions.learner, json: { answers } });
  }

  /** The learner logs a special term through the plain form (a 5 % discount). */
  private async logTerm(): Promise<void> {
    await send(this.rec, this.base, 'register-log', '/learn/register/new', 303, {
      cookie: this.sessions.learner,
      form: {
        id: randomUUID(),
        customerRef: `Soak customer ${Math.floor(Math.random() * 1000)}`,
        saleReference: `R-${Date.now()}`,
        price: '120',
        unitCost: '70',
        quantity: '1',
        'include.discount': 'on',
        'discount.percent': '5',
        reason: 'Regular customer with a cheaper quote; a small discount kept the sale and the relationship.',
        agreedAt: new Date().toISOString().slice(0, 16),
      },
    });
  }

  /** Sign in as the second learner, read their home, sign out, and check the old cookie no longer works. */
  private async signInAndOut(): Promise<void> {
    const r = await send(this.rec, this.base, 'sign-in', '/login', 303, { form: { email: 'learner2@demo.goodwill.test', password: DEMO_PASSWORD } });
    if (!r?.cookie) return;
    await send(this.rec, this.base, 'learn', '/learn', 200, { cookie: r.cookie });
    await send(this.rec, this.base, 'sign-out', '/logout', 303, { cookie: r.cookie, form: {} });
    await send(this.rec, this.base, 'signed-out-read', '/learn', 303, { cookie: r.cookie });
  }
}
