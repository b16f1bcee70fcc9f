/**
 * Word lists shared by every marking point: what makes a sentence part of a real account (past tense,
 * a particular person or day) or a generality, what counts as a measure, and which words are the marking
 * points' own vocabulary (naming a technique is not showing it).
 */

const IRREGULAR_PAST =
  'was|were|had|did|said|went|came|told|gave|took|made|found|got|saw|knew|thought|bought|brought|sold|spent|left|felt|' +
  'kept|rang|wrote|sent|met|paid|ran|began|chose|understood|heard|lost|showed|taught|caught|sat|stood|held|led|meant|' +
  'fell|grew|drove|spoke|broke|wore|became|forgot|lent|won|sent|been|done|gone|seen|given|taken|' +
  "didn'?t|wasn'?t|weren'?t|hadn'?t|couldn'?t|didnt|wasnt|couldnt|cant";
// `@__PURE__` on the lists built at load time: the STAR editor's island imports one pattern from here,
// and without the mark the bundler keeps every list in the browser's JavaScript.
const IRREGULAR = /* @__PURE__ */ new RegExp(`\\b(?:${IRREGULAR_PAST})\\b`, 'i');
const ED_WORD = /\b[a-z]{2,}ed\b/gi;
// Words ending in -ed that are not past tense, or are adjectives in the marking vocabulary.
const NOT_PAST = /* @__PURE__ */ new Set(
  /* @__PURE__ */ ('need feed speed seed bed red shed bred hundred sacred naked wicked indeed greed weed breed reed embed proceed ' +
    'succeed exceed bleed based interested tired limited detailed experienced qualified advanced skilled varied ' +
    'personalised personalized tailored valued satisfied dedicated motivated organised focused assured related ' +
    'concerned required expected guaranteed unlimited').split(' '),
);

/** Told as something that happened: past tense, or the storyteller's present ("so this guy comes in, i ask him"). */
const HISTORIC_PRESENT =
  /\b(?:i|he|she|they|this (?:guy|lady|woman|man|bloke|fella|customer|girl|lad|kid|couple|chap))\s+(?:\w+\s+)?(?:ask|asks|say|says|tell|tells|goes|comes|wants|reckons|turns|walks|starts)\b/i;

const LINKING_BEFORE = /\b(?:get|gets|getting|seem|seems|feel|feels|become|becomes)\s+$/i;

export function isPast(bare: string): boolean {
  if (IRREGULAR.test(bare)) return true;
  for (const m of bare.matchAll(ED_WORD)) {
    // After a present linking verb ("customers get annoyed", "she seems worried") it is an adjective.
    if (NOT_PAST.has(m[0].toLowerCase()) || LINKING_BEFORE.test(bare.slice(Math.max(0, m.index - 12), m.index))) continue;
    return true;
  }
  return false;
}

// Present perfect reports events too ("she has since become a regular", "he's been back twice").
const PRESENT_PERFECT = /\b(?:has|have|hasn't|haven't|'s|'ve)\s+(?:not\s+|never\s+)?(?:since\s+|now\s+|already\s+|also\s+)?(?:become|come|been|bought|spent|sold|made|got|given|told|gone|run|\w+ed)\b/i;

export function isNarrative(bare: string): boolean {
  return isPast(bare) || HISTORIC_PRESENT.test(bare) || PRESENT_PERFECT.test(bare);
}

/** Signs that a sentence states a habit, a belief or advice rather than an event. */
export const GENERIC_MARKERS: readonly RegExp[] = [
  /\b(?:I|we|you)\s+(?:\w+\s+)?(?:always|usually|normally|generally|typically|often|tend to)\b/i,
  /\b(?:always|usually|normally|generally|typically)\s+(?:give|try|make|ask|listen|treat|help|do|say|get|go|leave|offer|recommend|use)\b/i,
  // Advice to "you", unless it is reported speech ("so I said right, you need…").
  /^(?!.*\b(?:said|say|says|told (?:him|her|them)|tell (?:him|her|them))\b).*\byou\s+(?:should|need|must|have to|can|want|get|keep)\b/i,
  /\b(?:should|must|ought to)\b(?!\s+have)/i,
  /\bit(?:'s| is)\s+(?:really\s+|so\s+|very\s+)?(?:important|vital|essential|key|crucial|best)\b/i,
  /\b(?:if|whenever)\s+(?:a|the|any)?\s*(?:customers?|someone|somebody|people|you)\b|\bwhen (?:someone|somebody|a customer|customers|people|you)\b/i,
  /\bcustomers\s+(?:want|need|like|expect|should|are|tend|who|feel|will|love|appreciate|come|deserve)\b/i,
  /\bservice (?:is|means)\b|\bwhat good service\b|\bis how you\b|\bthe (?:most )?important thing\b/i,
  /\bI\s+(?:believe|think|feel)\s+(?:that\s+)?(?:it'?s|it is|customers|good|going|helping|listening|this is|happy)\b/i,
  /\bin (?:general|my experience)\b|\bI\s+(?:try|aim|strive)\s+to\b|\bhappy customers\b/i,
  /\b(?:I|we) (?:demonstrate|handle|personali[sz]e|link|give|treat|help) \w+/i,
];

/** "Everyone", "usually": a generality in the present tense, but only a report in a past one. */
export const QUANTIFIER_MARKERS: readonly RegExp[] = [
  /\b(?:every|all|any)\s+(?:customers?|shoppers?|people)\b|\beveryone\b|\beverybody\b/i,
  // "He usually comes in on Fridays": a standing habit is background, not something the account made happen.
  /\b(?:usually|normally|typically)\b/i,
  // "Sometimes customers get annoyed…": how often something happens is a habit, unless told in the past.
  /\b(?:sometimes|often|occasionally|at times|from time to time|every so often|now and then)\b/i,
];

/** Things that pin an account to a particular person, day or amount. */
export const ANCHORS: readonly RegExp[] = [
  /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]/,
  /\d|£/,
  /\b(?:yesterday|today|this (?:morning|afternoon|week)|last (?:week|month|year|spring|summer|autumn|winter|quarter|christmas|night)|one (?:day|morning|afternoon|evening)|(?:days?|weeks?|months?) (?:later|ago|earlier)|the (?:next|following) (?:day|week|month|morning))\b/i,
  /\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|christmas|easter|mother's day|father's day)\b/i,
  /\b(?:in|during|before|after|by|until|since|that|last) (?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)\b/i,
  /\b(?:a|an|one|this|the|that)\s+(?:(?:young|old|older|elderly|teenage|regular|new|local|retired|nervous|angry|lovely)\s+)?(?:man|woman|lady|gentleman|guy|bloke|couple|dad|mum|mother|father|student|boy|girl|lad|family|pensioner|builder|teenager|regular|chap|fella)\b/i,
  /\b(?:she|he|her|him)\b/i,
];

/**
 * The account involves serving someone: without it the reflection is about something else. Besides the
 * word customer, this is a person by role (a roofer, a bride, a grandmother) or a request put to the shop
 * ("asked if we'd…").
 */
export const CUSTOMER_PRESENCE =
  /\b(?:asked (?:me |us )?(?:if|whether) (?:we|I)(?:'d| would| could| can| might)|(?:trade|account|regular) (?:customers?|accounts?)|account holders?|builders?|plumbers?|electricians?|roofers?|decorators?|joiners?|tradesm[ae]n|contractors?|brides?|grooms?|grandmothers?|grandfathers?|grandad|grandma|granny|nan|guests?|tenants?|patrons?|customers?|shoppers?|clients?|regulars?|buyers?|famil(?:y|ies)|parents|Mr|Mrs|Ms|Miss|came in(?:to)?|comes in|walked in|punters|visitors|patients|diners)\b|\b(?:man|woman|lady|gentleman|guy|bloke|couple|dad|mum|student|boy|girl|lad|pensioner|teenager|chap|fella)\s+(?:\w+\s+){0,5}?(?:came|comes|wanted|wants|asked|needed|was looking|walked|brought|bought)\b|\b(?:a|an|this|the)\s+(?:(?:young|old|older|elderly|teenage|regular|new|local|retired)\s+)?(?:man|woman|lady|gentleman|guy|bloke|couple|dad|mum|student|boy|girl|lad|family|pensioner|teenager|chap|fella)\b/i;

/**
 * "People" or "everyone" are customers only when the account is not about the team: a rota, a staff
 * meeting or colleagues' views are the learner's work, but not serving customers.
 */
export const PEOPLE = /\b(?:people|ppl|folk|everyone|everybody)\b/i;
export const STAFF_CONTEXT = /\b(?:rotas?|staff(?:room)?|colleagues|the team|team (?:meeting|members?)|volunteers|employees|shifts|sickness|absence|appraisals?)\b/i;

/** The marking points' own vocabulary. A sentence made mostly of it is a list of words, not evidence. */
export const JARGON: readonly RegExp[] = [
  /\bactive(?:ly)? listening\b/i,
  /\bopen (?:and \w+ )?question(?:s|ing)?\b/i,
  /\bclarifying questions?\b/i,
  /\b(?:checking|checked|check) understanding\b/i,
  /\bsummaris(?:ing|ed)\b(?! (?:what|it|that|back|her|his|their))/i,
  /\bpolicy conflicts?\b/i,
  /\bdissatisfaction\b/i,
  /\bjustif(?:y|ied|ication)\b/i,
  /\bpersonali[sz](?:e|ed|ation|ing)\b/i,
  /\btailored recommendations?\b/i,
  /\b(?:remember(?:ed|ing)? )?(?:their |customer )?preferences\b/i,
  /\bexceed(?:ing|ed)? expectations\b/i,
  /\brepeat sales\b/i,
  /\bretention\b/i,
  /\badvocacy\b/i,
  /\bnet promoter(?: score)?\b|\bNPS\b/i,
  /\bbusiness (?:metrics|measures|benefited)\b/i,
  /\bfeedback\b/i,
  /\bmeasurable outcomes?\b/i,
  /\bcontinu\w* improv\w*/i,
  /\bfeedback mechanisms?\b|\bcustomer[- ]focused\b|\bkey priorit\w*/i,
  /\bcustomer satisfaction\b/i,
  /\bloyalty\b/i,
  /\brapport\b|\bempathy\b|\bcustomer journey\b|\bextra mile\b|\bservice excellence\b|\bcustomer[- ]centric\b|\boutstanding service\b/i,
];

/** Something counted: digits, money, a percentage, a fraction or a number word. */
export const MEASURE =
  /£\s?\d|\d|%|\b(?:per ?cent|percent|twice|double[ds]?|tripled|halved|a (?:fifth|quarter|third|half|tenth)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)\b/i;

/** Sentences where the customer says what they want: a recommendation that echoes them is tailored. */
export const CUSTOMER_SAYS =
  /\b(?:she|he|they|[A-Z][a-z]+)\s+(?:\w+\s+)?(?:said|says|told me|mentioned|explained|wanted|wants|needed|loved|loves|liked|likes|preferred|prefers|asked for)\b|\bturned out (?:that )?(?:she|he|they)\b|\blooking for\b|\b(?:her|his|their) favourite\b/i;

// Common words that carry no topic, so sharing them is not an echo.
const STOP = /* @__PURE__ */ new Set(
  /* @__PURE__ */ ('that this with from have they them their there then than what when where which while would could should about ' +
    'after again also been being came come comes into just like make made more most much only over said says some ' +
    'such take told very want wanted needed need were will your yours she her hers him his because before still ' +
    'thing things something anything really back down going know knew think thought time first last next week ' +
    'weeks days shop store customer customers asked said told gave give little bought were wasn didn does done ' +
    'free well good great help helped sure felt looking look find found show showed choose chose other another ' +
    'check checked checking agreed nodded replied explained repeated summed confirmed mentioned').split(' '),
);

/** Topic words, cut to four letters so "salty" and "low-salt" or "bike" and "bikes" meet. */
export function topicStems(bare: string): Set<string> {
  const stems = new Set<string>();
  for (const m of bare.toLowerCase().matchAll(/[a-z]{4,}/g)) {
    if (!STOP.has(m[0])) stems.add(m[0].slice(0, 4));
  }
  return stems;
}
