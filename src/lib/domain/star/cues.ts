/**
 * The rubric as data. Each marking point has elements (things an account can show, each found by cue
 * phrases in a sentence) and verdict rules (which combinations of elements earn 'evidenced' or 'partial').
 * Changing what earns credit means editing these tables, not the code that reads them.
 */
import { MEASURE } from './lexicon';
import {
  CAME_BACK_UNHAPPY, CHANGE, THINGS_BACK, COLLECT, CONFLICT, DEFUSED, IMPROVEMENT, INVITATION, LINK, NEGATIVE_OUTCOME, NO_CONFLICT, OUTCOME, REASON,
  REQUEST, RULE_AS_REASON, SATISFACTION_CONTEXT, SHOP_RULE, SERVICE_PROPOSAL, VALUE, WAIVED,
} from './phrases';

export const POINT_IDS = ['listening', 'policy-conflict', 'personalisation', 'business-link', 'feedback-loop'] as const;
export type PointId = (typeof POINT_IDS)[number];

export interface ElementSpec {
  id: string;
  /** One must match; negation is judged where it matched. */
  cues: readonly RegExp[];
  /** Each list here must also match somewhere in the same sentence. */
  also?: readonly (readonly RegExp[])[];
  /** None of these may match in the sentence. */
  unless?: readonly RegExp[];
  /** The tie in `also[0]` may instead come from an earlier sentence whose topic words this one echoes. */
  echo?: boolean;
  /** 'specific': only sentences about the event; 'factual': any sentence that is not a generality; 'any'. */
  scope: 'specific' | 'factual' | 'any';
  /** False where the cue is itself negative ("we don't refund"), so a negation cannot undo it. */
  negatable: boolean;
  /** The learner must be the one doing it ("she asked" is not the learner asking). */
  self?: boolean;
  /** Matches needed across the text (default 1). */
  times?: number;
  /** False for background conditions (the account involves a customer) that are not evidence to quote. */
  quoted?: boolean;
  /** Only counts within this many sentences of where another element was found. */
  near?: { element: string | readonly string[]; within: number };
  /** Must match in the clause holding the cue or after it ("she left £20, and came back…" counts nothing). */
  countedFrom?: RegExp;
  /** Only counts in or after the first sentence where this other element was found (a result follows its cause). */
  after?: string;
}

export interface PointRubric {
  elements: readonly ElementSpec[];
  /** Any one of these combinations (all elements in it found) earns the verdict. */
  evidenced: readonly (readonly string[])[];
  partial: readonly (readonly string[])[];
  /** False where the point can be shown without one specific event (default true). */
  needsAccount?: boolean;
}

// Past forms, the storyteller's present ("i ask him") and the base form after a negation ("I didn't ask"),
// which must be found so that it can be discounted.
// "She asked me…" is the customer asking, whoever else is in the sentence.
const ASK = String.raw`\b(?:asked(?! me\b)|asking(?! me\b)|enquired|enquiring|inquired|inquiring|questioned|clarified|wondered|wanted to know|checked|i (?:[\w']+ ){0,2}ask|(?:didn'?t|did not|never|forgot to|failed to|neglected to|not) (?:ask|question|check))\b`;
const ASK_OPEN = new RegExp(String.raw`${ASK}[^.!?]{0,45}?\b(?:what|how|why|which|where|when|who|whether|about)\b`, 'i');
// Two questions in one breath: "asked what … and whether …".
const MULTI_QUESTION = new RegExp(String.raw`${ASK}[^.!?]{0,45}?\b(?:what|how|why|which|where|when|who|whether|about)\b[^.!?]*?(?:,|\band\b|\bor\b)\s*(?:also\s+)?(?:(?:what|how|why|where|when|whether)\b|(?:which|who)\b(?!\s+(?:is|was|are|were|has|had|would|will|made|meant|came|comes|cost|costs)\b))`, 'i');
const ASK_CLOSED = new RegExp(String.raw`${ASK}\s+(?:(?:her|him|them|the customer|the \w+)\s+)?(?:if|did|do|does|was|were|could|would|is|are|had|has)\b`, 'i');
const QUOTED_QUESTION = /["“][^"”]*\?["”]\s*,?\s*I (?:asked|said)|\bI (?:asked|said)[,:]?\s*["“][^"”]*\?/i;
const ASKED_STAFF = /\b(?:asked|checked with|enquired with) (?:my|the|our|a) (?:manager|supervisor|boss|colleague|team|head office|area manager)\b/i;
// Questions put to a crowd ("asking people at the till what…", "asked everyone") gather feedback; they are
// not questioning one customer.
const ASKED_GROUP = /\b(?:asked|asking|quizz?(?:ed|ing)|poll(?:ed|ing)) (?:\w+ )?(?:people|customers|shoppers|everyone|everybody|all (?:our|the) \w+|the (?:team|staff|volunteers)|staff|colleagues|volunteers)\b/i;

const RECOMMEND =
  /\b(?:recommended|suggested|made (?:(?:her|him|them) )?(?:a|an) (?:[\w-]+ ){0,4}?(?:for|to match|to suit|with)|designed (?:a|an|her|him)|told (?:her|him|them) to (?:go for|get|try|buy|take|pick)|advised (?:her|him|them)|sold (?:her|him|them)|pointed (?:her|him|them) (?:to|towards|at)|steered (?:her|him|them)|talked (?:her|him|them) through|directed (?:her|him|them)|sourced|tracked down|picked(?: out)?|chose|found (?:her|him|them)|made up|put together|showed (?:her|him|them)|offered|swapped|ordered (?:it |one |them )?in|gave (?:her|him|them)|(?:lent|loaned) (?:her|him|them)|matched|fitted|i (?:suggest|recommend|pick|find|show|give)|(?:didn'?t|did not|never|forgot to|failed to) (?:recommend|suggest|pick|choose|find|show|offer|give|mention))\b/i;
const TIE =
  /\b(?:because (?:of )?|cos |since )(?:she|he|they|her|his|their)\b(?!(?:'s| is| was| has| had)? (?:in every|spends?|spent|been (?:a )?(?:loyal|regular)|a regular|loyal|worth|always in))|\b(?:knowing|as I knew|since I knew|remembering) (?:that )?(?:she|he|they|her|his|their)\b|\bso (?:that )?(?:she|he|they|her|his|their)\b[^.!?]{0,25}\bcould\b|\b(?:said|told me|mentioned|wanted|needed|asked for|was after)\b[^.!?]*\bso (?:I|i)\b|\bbased on\b|\bto suit\b|\bsuited\b|\bto match (?:her|his|their)\b|\b(?:her|his|their) (?:favourite|fave|usual|size|taste|diet|skin|budget|knees|style|preference|colour)\b|\b(?:coz|cuz|bc) (?:she|he|they)\b/i;
// A sentence where only the customer speaks or asks: any reason in it is theirs, not the learner's.
const CUSTOMER_REQUEST = /^\W*(?:\w+\s+){0,3}?(?:he|she|they|the customer)\s+(?:then |also |first )?(?:asked|wanted|demanded|insisted)\b(?![^]*(?:[,;]\s*|\b(?:so|but|and)\s+)(?:I|we)\s+(?!could|would|can|might|had\b))/i;
// Sold for the shop's sake, not the customer's: a target, a commission, a product being pushed that week.
const SALES_PUSH = /\b(?:(?:my|our|the|weekly|monthly|sales) targets?|commission|a push on|push (?:them|it|these|those)|counted (?:double )?towards)\b/i;
// Passing on who to contact is a referral, not something done for the person.
const CONTACT_DETAILS = /\b(?:head office|customer (?:services|care)|complaints?|the manager'?s?)\b[^.!?]{0,20}\b(?:number|email|address|details|line)\b/i;
const GENERIC_PICK = /\b(?:on (?:promotion|offer|special)|promotion end|deal of the (?:day|week)|most popular|best[- ]?sell\w*|we sell (?:loads|lots|a lot)|what we suggest to (?:most|everyone)|(?:most|all) people|everyone|our usual)\b/i;


export const RUBRICS: Readonly<Record<PointId, PointRubric>> = {
  listening: {
    elements: [
      { id: 'ask', cues: [ASK_OPEN, ASK_CLOSED, QUOTED_QUESTION], unless: [ASKED_STAFF, ASKED_GROUP], scope: 'specific', negatable: true, self: true },
      { id: 'follow-up', cues: [ASK_OPEN, MULTI_QUESTION], unless: [ASKED_STAFF, ASKED_GROUP], scope: 'specific', negatable: true, self: true, times: 2 },
      {
        id: 'probe',
        cues: [/\bfollow-up questions?\b|\basked (?:\w+ ){0,3}(?:more|further)\b|\bdug deeper\b|\basked why\b|\bfound out (?:why|that|what|how)\b|\b(?:it )?(?:turned|turns) out (?:that )?(?:she|he|they|it|the|his|her|their)\b|\bI (?:found out|established|worked out) (?:what|why|how|whether|when|that)\b|\bthe real reason\b|\bwhat (?:she|he|they) (?:really|actually) (?:needed|wanted|meant)\b/i],
        scope: 'specific', negatable: true,
      },
      {
        id: 'summarise',
        cues: [/\bsummari[sz]ed\b|\b(?:didn'?t|did not|never|forgot to) summari[sz]e\b|\bsummed (?:it |that |this )?up\b|\brepeated (?:it |that |this |what (?:\w+ ){1,3})?back\b|\bplayed (?:it |that )?back\b|\bread (?:it |that )?back\b|\brecapp?ed\b|\bparaphras\w*|\bchecked (?:back )?with (?:her|him|them)\b|\bchecked:|\b(?:to check|checked|made sure) (?:that )?I(?:'d| had)? (?:got|had|understood)\b|\bput it back to (?:her|him|them)\b|\bconfirmed (?:what|that) (?:she|he|they)\b|\bso (?:you|you're|your|it's|that's|the priority|if)\b[^.!?]*\?/i],
        scope: 'specific', negatable: true, self: true,
      },
      {
        id: 'attend',
        cues: [/\bwithout interrupting\b|\b(?:got|get|gets|getting) (?:her|him|them) (?:talking|chatting|to open up)\b|\bdrew (?:her|him|them) out\b|\blet (?:her|him|them) (?:finish|explain|talk|speak)\b|\bheard (?:her|him|them) out\b|\btook notes\b|\bwrote down what\b|\bwatched (?:her|him|them)\b|\bgave (?:her|him|them) (?:my )?(?:full )?attention\b/i],
        scope: 'specific', negatable: true,
      },
      // Plain description of listening; technique names ("active listening") are vocabulary, not evidence.
      { id: 'named', cues: [/\blistened (?:carefully |closely |properly |patiently )?to (?:her|him|them|what|the customer|his|their|everything)\b|\bi (?:\w+ )?listen(?:ed)?\b/i], scope: 'specific', negatable: true },
    ],
    evidenced: [['ask', 'follow-up'], ['ask', 'probe'], ['ask', 'summarise'], ['ask', 'attend'], ['probe', 'summarise'], ['summarise', 'attend']],
    partial: [['ask'], ['probe'], ['summarise'], ['attend'], ['named']],
  },
  'policy-conflict': {
    elements: [
      { id: 'conflict', cues: CONFLICT, unless: [NO_CONFLICT], scope: 'factual', negatable: false },
      // A rule stated as a rule ("the rule is you pay…") reads as a generality, yet it is the clash itself.
      { id: 'rule', cues: CONFLICT, unless: [NO_CONFLICT], scope: 'any', negatable: false },
      { id: 'request', cues: [REQUEST], scope: 'any', negatable: false },
      { id: 'shop-rule', cues: [SHOP_RULE], scope: 'factual', negatable: false, near: { element: 'request', within: 2 } },
      {
        id: 'alternative',
        cues: [/\b(?:offered|offer(?:ing)?|instead|alternative|exchange[ds]?|swap(?:ped|ping)?|credit note|goodwill gesture|compromise|exception|at cost|lend|loan|deposit|referred|(?:phoned|rang|called|asked|checked with|spoke (?:to|with)|went to|put (?:a|the|it|my) (?:case )?to|referred (?:it|him|her|them) to) (?:my|the|our) (?:\w+ )?(?:manager|supervisor|owner|boss)|(?:but|instead|what) (?:I|we) could \w+|what if (?:I|we)|how about (?:I|we|if)|order(?:ed)? (?:it|one|the \w+) in|repair|partial refund|voucher)\b/i],
        scope: 'specific', negatable: true, near: { element: ['rule', 'shop-rule'], within: 3 },
      },
      // A reason, but not the rule itself, nor the customer's own reason for the request ("he asked … because…").
      { id: 'justify', cues: [REASON], also: [[VALUE]], unless: [RULE_AS_REASON, CUSTOMER_REQUEST], scope: 'any', negatable: true, near: { element: ['rule', 'shop-rule'], within: 3 } },
      // A charge or rule set aside for this customer, even when told against the shop's habit.
      { id: 'waived', cues: [WAIVED], scope: 'any', negatable: false },
      // The customer settling after the alternative shows the dissatisfaction was kept low.
      { id: 'defused', cues: [DEFUSED], scope: 'specific', negatable: true, near: { element: 'alternative', within: 2 } },
    ],
    evidenced: [
      ['conflict', 'alternative', 'justify'], ['rule', 'alternative', 'justify'], ['rule', 'alternative', 'defused'],
      ['shop-rule', 'alternative', 'justify'], ['shop-rule', 'alternative', 'defused'],
    ],
    partial: [['conflict'], ['shop-rule'], ['waived']],
  },
  personalisation: {
    elements: [
      { id: 'tailored', cues: [RECOMMEND], also: [[TIE]], echo: true, unless: [GENERIC_PICK, SERVICE_PROPOSAL, SALES_PUSH, CONTACT_DETAILS], scope: 'specific', negatable: true, self: true },
      { id: 'tailored-generic', cues: [RECOMMEND], also: [[TIE], [GENERIC_PICK]], unless: [SALES_PUSH, CONTACT_DETAILS], scope: 'specific', negatable: true, self: true },
      {
        id: 'remember',
        cues: [/\b(?:remembered|recalled|noted (?:her|his|their|down|on|in|that)|wrote (?:her|his|their|down)\b[^.!?]*\b(?:notes?|file|card|record|book)|(?:customer|loyalty) (?:notes|file|record)|knew (?:she|he|they) (?:liked|likes|loved|loves|prefers|preferred|always|usually)|(?:her|his|their) usual\b|last time (?:she|he|they)|put (?:(?:her|his|their|them|it|some|one) )?(?:[\w-]+ ){0,2}?(?:aside|by)\b(?! (?:the|a|an|our|my|his|her)\b)|set aside|keep (?:aside|back) for|(?:keep|kept|keeps|keeping|save|saved|saves|saving) (?:(?:her|him|them) )?back (?:a|an|some|the|one)\b|(?:with|put|wrote|writes?) (?:her|his|their|your) name on|(?:save|saved|saves|saving|keep|kept|keeps|keeping) (?:her|him|them) (?:a|an|some|the|one)\b|(?:wrote|noted|recorded|logged|put) (?:them|it|those|these|that|this) (?:on|in|into) (?:her|his|their) (?:[\w-]+ )?(?:card|notes?|file|record|account|profile)\b|\b(?:I|I've|I'd|we|we've) (?:have )?(?:\w+ )?(?:learn(?:ed|t)|know|knew|got to know) (?:how|what|which|exactly how) (?:she|he|they) (?:likes?|prefers?|wants?|takes?|has|have)|(?:emailed?|rang|ring|rings|phoned?|phones|texted|texts?|called|calls?) (?:her|him|them) (?:in|with|when|whenever|ahead|before|every|each|the (?:day|week|\w+day) before))/i],
        scope: 'specific', negatable: true,
      },
      { id: 'recommend', cues: [/\b(?:recommended|suggested|advised|pointed out|steered (?:her|him|them)|talked (?:her|him|them) through|reminded (?:her|him|them) to (?:go for|get|use|try|buy|pick)|directed (?:her|him|them) to|showed (?:her|him|them) (?:our|the|some|a|an|two|three|a few|several)\b(?![^.!?]*\b(?:terms|policy|rules|receipt|notice|sign|conditions|door|way|aisle|shelf|shelves|where|most popular|on (?:offer|promotion|special)|best[- ]?sell\w*)\b))\b/i], unless: [SERVICE_PROPOSAL, SALES_PUSH, CONTACT_DETAILS], scope: 'specific', negatable: true, self: true },
      {
        // A standing arrangement made for one customer.
        id: 'arrangement',
        cues: [/\b(?:set up|arranged|organised|put in place) (?:a |an )?[\w' -]{0,30}? for (?:her|him|them)\b|\b(?:set|signed|put) (?:her|him|them) up (?:for|with|on)\b|\bmoved (?:her|him|them) (?:onto|on to) (?:a|an|the)\b|\b(?:booked|arranged|fitted|scheduled|timed|planned|organised|set)\b[^.!?]{0,40}\baround (?:her|his|their) (?!house|home|shop)\w+|\b(?:wrote|drew up|worked out|put together|printed) (?:her|him|them) (?:a |an )?(?:[\w-]+ ){0,2}?(?:plan|schedule|programme|routine|chart)\b/i],
        scope: 'specific', negatable: true, self: true,
      },
      {
        id: 'extra',
        cues: [/\b(?:went out of my way|extra mile|free of charge|for free|gift[- ]?wrapp\w*|delivered (?:it|them) (?:myself|personally)|(?:rang|called|texted|emailed) (?:her|him|them) (?:back|later|the next)|handwritten|personal note|while (?:she|he|they) waited|(?:wrote|scribbled|jotted|drew|printed) [^.!?]{0,60}\bfor (?:her|him|them)\b)/i],
        scope: 'specific', negatable: true,
      },
      { id: 'known-customer', cues: [/\b(?:(?:a|our|the) regular\b(?! customer)|knew (?:he|she|him|her)\b|in every (?:week|day)\b|most weeks\b)/i], scope: 'specific', negatable: true },
      {
        id: 'segment',
        // Advice for a type of customer: "for people who…", "the tape is better if he has pets".
        cues: [/\b(?:hand(?:ed)? out|give|gave|offer(?:ed)?|recommend(?:ed)?|suggest(?:ed)?)\b[^.!?]*\b(?:when|to|for) (?:someone|anyone|customers?|people) (?:who|buying|buys|with|that)\b|\bexplained (?:that|how|why)\b[^.!?]*\b(?:better|best|ideal|safer) (?:if|when|for) (?:he|she|they|you)\b/i],
        scope: 'any', negatable: true,
      },
      {
        // A record of many customers' preferences kept as a practice: tailoring, but for no one in particular.
        id: 'records',
        cues: [/\b(?:keep|keeping|kept|started|start) (?:a |an )?(?:list|note|notes|record|records|log|book|card)s? (?:of|on) (?:what|which|who|how|each|every|all|our|the)\b[^.!?]*\b(?:regulars|customers|people|clients)\b/i],
        scope: 'factual', negatable: true,
      },
      { id: 'named', cues: [/\bpersonali[sz]\w*|\btailor(?:ed|ing)\b/i], scope: 'specific', negatable: true },
    ],
    evidenced: [['tailored'], ['remember'], ['arrangement']],
    partial: [['tailored-generic'], ['recommend'], ['extra'], ['known-customer'], ['segment'], ['records'], ['named']],
  },
  'business-link': {
    elements: [
      { id: 'context', cues: SATISFACTION_CONTEXT, scope: 'any', negatable: false, quoted: false },
      { id: 'measured-outcome', cues: OUTCOME, countedFrom: MEASURE, unless: [NEGATIVE_OUTCOME, CAME_BACK_UNHAPPY, INVITATION, THINGS_BACK], scope: 'factual', negatable: true },
      { id: 'outcome', cues: OUTCOME, unless: [CAME_BACK_UNHAPPY, INVITATION, THINGS_BACK], scope: 'factual', negatable: true },
      {
        id: 'intention',
        cues: [/\bsaid (?:she|he|they)(?:'d| would| will)\s+(?:\w+\s+)?(?:come back|be back|recommend|tell|return|use us)\b|\bpromised to (?:come back|return)\b/i],
        scope: 'specific', negatable: true,
      },
      { id: 'assertion', cues: [LINK], unless: [INVITATION, THINGS_BACK], scope: 'any', negatable: true },
    ],
    // An outcome only counts towards the link when the account is about satisfying customers at all.
    evidenced: [['measured-outcome', 'context']],
    partial: [['outcome', 'context'], ['intention'], ['assertion']],
  },
  'feedback-loop': {
    elements: [
      {
        id: 'collect', cues: [COLLECT], scope: 'factual', negatable: true,
        // The learner disowning the mechanism ("I don't know what happens with it") is not using it.
        unless: [/\b(?:don'?t|do not|didn'?t|never) (?:know|see|hear) what happens\b|\bnot sure what happens\b|\b(?:never|haven'?t|have not|hasn'?t|didn'?t|don'?t) (?:ever )?(?:looked at|read|checked|seen|used|acted on)\b|\bnothing (?:has )?changed\b/i],
      },
      {
        // What one customer's case taught, turned into a proposed or actual change to the service.
        id: 'proposal', cues: [SERVICE_PROPOSAL], scope: 'factual', negatable: true,
      },
      { id: 'change', cues: [CHANGE], scope: 'factual', negatable: true },
      { id: 'improvement', cues: [IMPROVEMENT], also: [[MEASURE]], scope: 'factual', negatable: true, after: 'change' },
    ],
    evidenced: [['collect', 'change', 'improvement']],
    partial: [['collect'], ['proposal']],
    // Gathering feedback is a practice over time, so it can be shown without one particular event.
    needsAccount: false,
  },
};
