/**
 * The rubric as data. Each marking point has elements (things an account can show, each found by cue
 * phrases in a sentence) and verdict rules (which combinations of elements earn 'evidenced' or 'partial').
 * Changing what earns credit means editing these tables, not the code that reads them.
 */
import { MEASURE } from './lexicon';

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
  near?: { element: string; within: number };
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
const ASK = String.raw`\b(?:asked|asking|enquired|enquiring|inquired|inquiring|questioned|clarified|wondered|wanted to know|checked|i (?:[\w']+ ){0,2}ask|(?:didn'?t|did not|never|forgot to|failed to|neglected to|not) (?:ask|question|check))\b`;
const ASK_OPEN = new RegExp(String.raw`${ASK}[^.!?]{0,45}?\b(?:what|how|why|which|where|when|who|whether|about)\b`, 'i');
// Two questions in one breath: "asked what … and whether …".
const MULTI_QUESTION = new RegExp(String.raw`${ASK}[^.!?]{0,45}?\b(?:what|how|why|which|where|when|who|whether|about)\b[^.!?]*?(?:,|\band\b|\bor\b)\s*(?:also\s+)?(?:what|how|why|which|where|when|who|whether)\b`, 'i');
const ASK_CLOSED = new RegExp(String.raw`${ASK}\s+(?:(?:her|him|them|the customer|the \w+)\s+)?(?:if|did|do|does|was|were|could|would|is|are|had|has)\b`, 'i');
const QUOTED_QUESTION = /["“][^"”]*\?["”]\s*,?\s*I (?:asked|said)|\bI (?:asked|said)[,:]?\s*["“][^"”]*\?/i;
const ASKED_STAFF = /\b(?:asked|checked with|enquired with) (?:my|the|our|a) (?:manager|supervisor|boss|colleague|team|head office|area manager)\b/i;

const RECOMMEND =
  /\b(?:recommended|suggested|made (?:(?:her|him|them) )?(?:a|an) (?:[\w-]+ ){0,4}?(?:for|to match|to suit|with)|designed (?:a|an|her|him)|told (?:her|him|them) to (?:go for|get|try|buy|take|pick)|advised (?:her|him|them)|sold (?:her|him|them)|pointed (?:her|him|them) (?:to|towards|at)|steered (?:her|him|them)|talked (?:her|him|them) through|directed (?:her|him|them)|sourced|tracked down|picked(?: out)?|chose|found (?:her|him|them)|made up|put together|showed (?:her|him|them)|offered|swapped|ordered (?:it |one |them )?in|gave (?:her|him|them)|matched|fitted|i (?:suggest|recommend|pick|find|show|give)|(?:didn'?t|did not|never|forgot to|failed to) (?:recommend|suggest|pick|choose|find|show|offer|give|mention))\b/i;
const TIE =
  /\b(?:because (?:of )?|cos |since )(?:she|he|they|her|his|their)\b(?!(?:'s| is| was| has| had)? (?:in every|spends?|spent|been (?:a )?(?:loyal|regular)|a regular|loyal|worth|always in))|\b(?:knowing|as I knew|since I knew|remembering) (?:that )?(?:she|he|they|her|his|their)\b|\bso (?:that )?(?:she|he|they|her|his|their)\b[^.!?]{0,25}\bcould\b|\b(?:said|told me|mentioned|wanted|needed|asked for|was after)\b[^.!?]*\bso (?:I|i)\b|\bbased on\b|\bto suit\b|\bsuited\b|\bto match (?:her|his|their)\b|\b(?:her|his|their) (?:favourite|fave|usual|size|taste|diet|skin|budget|knees|style|preference|colour)\b|\b(?:coz|cuz|bc) (?:she|he|they)\b/i;
const GENERIC_PICK = /\b(?:on (?:promotion|offer|special)|promotion end|deal of the (?:day|week)|most popular|best[- ]?sell\w*|we sell (?:loads|lots|a lot)|what we suggest to (?:most|everyone)|(?:most|all) people|everyone|our usual)\b/i;

// A later proposal about the service in general ("afterwards I suggested we…") is not tailoring for this customer.
const SERVICE_PROPOSAL = /\b(?:after (?:this|that)|afterwards|since then|from then on|in future|going forward)\b[^.!?]*\b(?:suggested|proposed|recommended|we (?:now|started|changed|added|introduced|put up|set up|began))\b/i;

const OUTCOME: readonly RegExp[] = [
  /\b(?:came|come|comes|coming|been|went)\s+back\b|\bback (?:in|again|twice)\b/i,
  /\b(?:came|comes|been)\s+in\s+(?:again|within|every|weekly|since|\d|twice|three|several)\b|\b(?:he|she|they)(?:'s| has| have|'ve) been in\b/i,
  /\breturned\s+(?:to|again|the next|the following|a week|a month|last)\b|\brepeat\s+(?:visits?|purchases?|business|custom|sales?|bookings?|orders?)\b/i,
  /\b(?:has|have|had) since (?:bought|spent|ordered|visited|returned|booked|come)\b|\bsince then\b[^.!?]*\b(?:bought|spent|spends|ordered|visited|come|been|booked)\b|\b(?:become|became) (?:a )?(?:regular|loyal)\b|\bspends? (?:about |around |over |roughly )?£\s?\d[\d,.]* (?:a|per|every|each) (?:week|month|visit)\b/i,
  /\b(?:now|still)\s+(?:buys|orders|comes|shops|uses|gets|books)\b|\b(?:comes|came|shops|buys|orders) (?:in |with us )?(?:every|each) \w+/i,
  /\brecommended us\b|\btold (?:her|his|their) (?:friends|mates|family|sister|brother|neighbours?)\b|\bsent (?:her|his|their) \w+|\bbrought (?:her|his|their) \w+ (?:in|along)\b|\breferr(?:al|als|ed)\b/i,
  /\b(?:NPS|net promoter|promoter score|reviews?|ratings?|scored us|score)\b/i,
  /\b(?:takings|revenue|turnover|sales|bookings|footfall|conversion|basket|average (?:spend|transaction))\b/i,
];
// A bad score or a lost customer shows awareness of the link, not evidence of building it.
const NEGATIVE_OUTCOME = /\b(?:[12][- ]star|one[- ]star|two[- ]star|bad|negative|poor|low|lost|lose|never came back|won'?t come back|complain\w*)\b/i;
// The satisfaction side of the link: a customer served in the account, or customers' views gathered.
const SATISFACTION_CONTEXT: readonly RegExp[] = [
  /\b(?:happy|pleased|satisf\w*|delighted|thrilled|made up|impressed|grateful|thank(?:ed|s)|loved|disappointed|upset|angry|annoyed|unhappy|complain\w*|moaning|grumbl\w*|compliment\w*|feedback|surveys?|questionnaires?|reviews?|ratings?|NPS|comments?)\b/i,
  /\b(?:I|i)\b[^.!?]{0,60}\b(?:asked|told|showed|offered|gave|helped|served|recommended|suggested|explained|sold|fitted|ordered)\b/i,
  // One particular customer in the story (not "customers" in general).
  /\b(?:a|an|this|the|one)\s+(?:(?:young|old|older|elderly|teenage|regular|new|local|retired)\s+)?(?:customer|man|woman|lady|gentleman|guy|bloke|couple|dad|mum|student|boy|girl|lad|family|pensioner|teenager|chap|fella|regular)\b|\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z]/,
];
// Coming back to complain or to return the goods is not repeat custom.
const CAME_BACK_UNHAPPY = /\b(?:came|come|comes|brought (?:it|them)) back (?:\w+ ){0,3}?(?:to (?:complain|return|get a refund)|because|with (?:it|them|the)|angry|upset)\b/i;
const LINK =
  /\b(?:come back|coming back|comes back|keeps? (?:them|customers|people|him|her) (?:coming|shopping)|repeat (?:business|custom|sales|visits|purchases)|loyal(?:ty)?|word of mouth|recommend us|promoters?|NPS|net promoter|retention|retain|advocacy|advocates?|good for (?:the )?business|profit|tell (?:their|her|his) friends|long[- ]term (?:customer|custom|relationship|value)|lifetime value|reputation|(?:shop|buy|come) (?:with|from|to) us again|more likely to (?:shop|buy|return|come back))\b/i;

const CONFLICT: readonly RegExp[] = [
  /\b(?:policy|policies|rules?|terms and conditions|our terms|returns? (?:window|period)|not allowed|aren'?t allowed|isn'?t allowed|only allows?|we only|my limit|our limit|authority|allowed to (?:agree|give|offer)|restocking fee|hygiene reasons?|can'?t be (?:refunded|returned|exchanged))\b/i,
  /\b(?:couldn'?t|could not|can'?t|cant|cannot|can not|wasn'?t able to|was not able to|unable to|won'?t)\s+(?:\w+\s+)?(?:refund|take (?:it|them) back|match|give|offer|rush|accept|exchange|do (?:it|that)|honour|reserve|hold)\b/i,
  /\b(?:don'?t|do not|doesn'?t)\s+(?:refund|do refunds|accept returns|price match|give discounts)\b|\bsaid no\b|\bno refunds?\b|\brefused\b|\bturned (?:it|him|her|them) down\b|\boutside (?:the|our) (?:returns )?(?:window|period|policy)\b|\bmake an exception\b|\bbend the rules?\b/i,
];
const REASON =
  /\b(?:because|cos|'cause|since|as (?=he|she|they|it|we|a |the )|so that|rather than|instead of|not worth|worth|to keep|to avoid|to protect|I (?:chose|decided|judged|weighed|reckoned))\b/i;
const VALUE =
  /\b(?:los(?:e|ing|t) (?:a|the|her|him|them|their|our|that|this|his)|loyal|regular|goodwill|margin|costs? (?:us|far|less|more|only|about)|spends?|spending|relationship|long[- ]term|reputation|trust|come back|worth|value|dissatisf\w*|upset|brushed off|every week|most weeks)\b|£\s?\d/i;

const COLLECT =
  /\b(?:(?:customer |their |our |written )feedback|feedback (?:from|on|about|cards?|forms?|box)|surveys?|questionnaires?|comment (?:cards?|books?|box)|comments|suggestions? box|reviews|complaints|moaning|complaining|NPS|net promoter|mystery shop\w*|follow-up (?:text|email|call|survey|message)|fill in (?:a |the )?(?:\w+ )?(?:card|form|survey))\b/i;
const CHANGE =
  /\b(?:introduced?|started|trialled|changed|set up|added|brought in|put (?:up|together|in place|on)|created|launched|moved|rearranged|retrained|trained|began|switched|redesigned|updated|made (?:a |the )?change)\b/i;
const IMPROVEMENT =
  /\b(?:fell|rose|dropped|increased|decreased|improved|grew|halved|doubled|went (?:up|down|from)|moved from|from \d[\d,.]*%? to|(?:up|down) (?:by )?(?:about |around |nearly |almost |over )?(?:\d|a (?:fifth|quarter|third|half))|average (?:rating|score) of)/i;

export const RUBRICS: Readonly<Record<PointId, PointRubric>> = {
  listening: {
    elements: [
      { id: 'ask', cues: [ASK_OPEN, ASK_CLOSED, QUOTED_QUESTION], unless: [ASKED_STAFF], scope: 'specific', negatable: true, self: true },
      { id: 'follow-up', cues: [ASK_OPEN, MULTI_QUESTION], unless: [ASKED_STAFF], scope: 'specific', negatable: true, self: true, times: 2 },
      {
        id: 'probe',
        cues: [/\bfollow-up questions?\b|\basked (?:\w+ ){0,3}(?:more|further)\b|\bdug deeper\b|\basked why\b|\bfound out (?:why|that|what|how)\b|\bturned out (?:that )?(?:she|he|they)\b|\bthe real reason\b|\bwhat (?:she|he|they) (?:really|actually) (?:needed|wanted|meant)\b/i],
        scope: 'specific', negatable: true,
      },
      {
        id: 'summarise',
        cues: [/\bsummari[sz]ed\b|\b(?:didn'?t|did not|never|forgot to) summari[sz]e\b|\bsummed (?:it |that |this )?up\b|\brepeated (?:it |that |this |what (?:\w+ ){1,3})?back\b|\bplayed (?:it |that )?back\b|\bread (?:it |that )?back\b|\brecapp?ed\b|\bparaphras\w*|\bchecked (?:back )?with (?:her|him|them)\b|\bchecked:|\bto check I(?:'d| had)? (?:got|had|understood)\b|\bconfirmed (?:what|that) (?:she|he|they)\b|\bso (?:you|you're|your|it's|that's|the priority|if)\b[^.!?]*\?/i],
        scope: 'specific', negatable: true, self: true,
      },
      {
        id: 'attend',
        cues: [/\bwithout interrupting\b|\blet (?:her|him|them) (?:finish|explain|talk|speak)\b|\bheard (?:her|him|them) out\b|\btook notes\b|\bwrote down what\b|\bwatched (?:her|him|them)\b|\bgave (?:her|him|them) (?:my )?(?:full )?attention\b/i],
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
      { id: 'conflict', cues: CONFLICT, scope: 'factual', negatable: false },
      {
        id: 'alternative',
        cues: [/\b(?:offered|offer(?:ing)?|instead|alternative|exchange[ds]?|swap(?:ped)?|credit note|goodwill gesture|compromise|exception|at cost|lend|loan|deposit|referred|phoned (?:my|the) manager|(?:checked|spoke) with (?:my|the) manager|asked (?:my|the) manager|order(?:ed)? (?:it|one|the \w+) in|repair|partial refund|voucher)\b/i],
        scope: 'specific', negatable: true, near: { element: 'conflict', within: 3 },
      },
      { id: 'justify', cues: [REASON], also: [[VALUE]], scope: 'any', negatable: true, near: { element: 'conflict', within: 3 } },
    ],
    evidenced: [['conflict', 'alternative', 'justify']],
    partial: [['conflict']],
  },
  personalisation: {
    elements: [
      { id: 'tailored', cues: [RECOMMEND], also: [[TIE]], echo: true, unless: [GENERIC_PICK, SERVICE_PROPOSAL], scope: 'specific', negatable: true, self: true },
      { id: 'tailored-generic', cues: [RECOMMEND], also: [[TIE], [GENERIC_PICK]], scope: 'specific', negatable: true, self: true },
      {
        id: 'remember',
        cues: [/\b(?:remembered|recalled|noted (?:her|his|their|down|on|in|that)|wrote (?:her|his|their|down)\b[^.!?]*\b(?:notes?|file|card|record|book)|(?:customer|loyalty) (?:notes|file|record)|knew (?:she|he|they) (?:liked|likes|loved|loves|prefers|preferred|always|usually)|(?:her|his|their) usual\b|last time (?:she|he|they)|put (?:(?:her|his|their|them|it|some|one) )?(?:[\w-]+ ){0,2}?(?:aside|by)\b(?! (?:the|a|an|our|my|his|her)\b)|set aside|keep (?:aside|back) for|(?:emailed?|rang|ring|rings|phoned?|phones|texted|texts?|called|calls?) (?:her|him|them) (?:in|with|when|whenever|ahead|before|every|each|the (?:day|week|\w+day) before))/i],
        scope: 'specific', negatable: true,
      },
      { id: 'recommend', cues: [/\b(?:recommended|suggested|advised)\b/i], unless: [SERVICE_PROPOSAL], scope: 'specific', negatable: true, self: true },
      {
        // A standing arrangement made for one customer.
        id: 'arrangement',
        cues: [/\b(?:set up|arranged|organised|put in place) (?:a |an )?[\w' -]{0,30}? for (?:her|him|them)\b|\b(?:set|signed|put) (?:her|him|them) up (?:for|with|on)\b|\bmoved (?:her|him|them) (?:onto|on to) (?:a|an|the)\b/i],
        scope: 'specific', negatable: true, self: true,
      },
      {
        id: 'extra',
        cues: [/\b(?:went out of my way|extra mile|free of charge|for free|gift[- ]?wrapp\w*|delivered (?:it|them) (?:myself|personally)|(?:rang|called|texted|emailed) (?:her|him|them) (?:back|later|the next)|handwritten|personal note|while (?:she|he|they) waited)\b/i],
        scope: 'specific', negatable: true,
      },
      { id: 'known-customer', cues: [/\b(?:(?:a|our|the) regular\b|knew (?:he|she|him|her)\b|in every (?:week|day)\b|most weeks\b)/i], scope: 'specific', negatable: true },
      {
        id: 'segment',
        cues: [/\b(?:hand(?:ed)? out|give|gave|offer(?:ed)?|recommend(?:ed)?|suggest(?:ed)?)\b[^.!?]*\b(?:when|to|for) (?:someone|anyone|customers?|people) (?:who|buying|buys|with|that)\b/i],
        scope: 'any', negatable: true,
      },
      { id: 'named', cues: [/\bpersonali[sz]\w*|\btailor(?:ed|ing)\b/i], scope: 'specific', negatable: true },
    ],
    evidenced: [['tailored'], ['remember'], ['arrangement']],
    partial: [['tailored-generic'], ['recommend'], ['extra'], ['known-customer'], ['segment'], ['named']],
  },
  'business-link': {
    elements: [
      { id: 'context', cues: SATISFACTION_CONTEXT, scope: 'any', negatable: false, quoted: false },
      { id: 'measured-outcome', cues: OUTCOME, also: [[MEASURE]], unless: [NEGATIVE_OUTCOME, CAME_BACK_UNHAPPY], scope: 'factual', negatable: true },
      { id: 'outcome', cues: OUTCOME, unless: [CAME_BACK_UNHAPPY], scope: 'factual', negatable: true },
      {
        id: 'intention',
        cues: [/\bsaid (?:she|he|they)(?:'d| would| will)\s+(?:\w+\s+)?(?:come back|be back|recommend|tell|return|use us)\b|\bpromised to (?:come back|return)\b/i],
        scope: 'specific', negatable: true,
      },
      { id: 'assertion', cues: [LINK], scope: 'any', negatable: true },
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
        id: 'proposal', cues: [SERVICE_PROPOSAL], scope: 'specific', negatable: true,
      },
      { id: 'change', cues: [CHANGE], scope: 'specific', negatable: true },
      { id: 'improvement', cues: [IMPROVEMENT], also: [[MEASURE]], scope: 'specific', negatable: true },
    ],
    evidenced: [['collect', 'change', 'improvement']],
    partial: [['collect'], ['proposal']],
    // Gathering feedback is a practice over time, so it can be shown without one particular event.
    needsAccount: false,
  },
};
