/**
 * Cue phrases for the three points that are about consequences: a clash with the rules and how it was
 * handled (policy-conflict), what satisfaction led to (business-link), and feedback turned into change
 * (feedback-loop). The lists are broad word families, not fixed sentences: a rule can be named ("our
 * policy") or only described ("we're not allowed to", "I can't override it"); a result can be any
 * business quantity ("takings", "spend", "basket") moving, near a number.
 */

// A later change to the service in general ("afterwards I suggested we…", "since then I keep…") is not
// tailoring for this customer, and is the first step of a feedback loop.
export const SERVICE_PROPOSAL =
  /\b(?:after (?:this|that)|afterwards|since then|from then on|in future|going forward|off the back of (?:it|this|that)|as a result of (?:it|this|that)|because of (?:it|this|that)|following (?:it|this|that))\b[^.!?]*\b(?:suggested|proposed|recommended|(?:I|we) (?:now |also )?(?:keep|stock|offer|started|changed|added|introduced|put up|set up|began|ask|check))\b/i;

/** A business result: a return, a referral, a score, or a business quantity. */
export const OUTCOME: readonly RegExp[] = [
  /\b(?:came|come|comes|coming|been|went|is|was|are)\s+back\b|\bback (?:in|again|twice|every \w+)\b/i,
  /\b(?:came|comes|been)\s+in\s+(?:again|within|every|weekly|since|\d|twice|three|several)\b|\b(?:he|she|they)(?:'s| has| have|'ve) been in\b/i,
  /\breturned\s+(?:to|again|the next|the following|a week|a month|last)\b|\brepeat\s+(?:visits?|purchases?|business|custom|sales?|bookings?|orders?)\b/i,
  /\b(?:has|have|had) since (?:bought|spent|ordered|visited|returned|booked|come)\b|\bsince then\b[^.!?]*\b(?:bought|spent|spends|ordered|visited|come|been|booked)\b|\b(?:become|became) (?:a )?(?:regular|loyal)\b|\bspen(?:ds?|ding|t)\b[^.!?]{0,40}?£\s?\d[^.!?]{0,30}?\b(?:a|per|every|each) (?:week|month|visit|fortnight|year)\b|\b(?:spent|bought|ordered|booked)\b[^.!?]{0,50}\bsince\b/i,
  // Repeat custom told as a change ("now buys", "came in every week after"), not a standing habit.
  /\b(?:now|still)\s+(?:buys|orders|comes|shops|uses|gets|books)\b|\b(?:came|shopped|bought|ordered) (?:in |with us )?(?:every|each) \w+|\b(?:comes|shops|buys|orders) (?:in |with us )?(?:every|each) \w+ (?:now|since)\b/i,
  /\brecommended us\b|\btold (?:her|his|their) (?:friends|mates|family|sister|brother|neighbours?|\w+ group)\b|\btold (?:her|his|their) \w+ (?:group|club|class) about us\b|\bsent (?:her|his|their) \w+|\bbrought (?:her|his|their) \w+ (?:in|along)\b|\breferr(?:al|als|ed)\b|\bmentioned (?:him|her|them) by name\b|\bsent (?:\w+ ){0,2}(?:friends?|neighbours?|family|sisters?|brothers?|mates?|colleagues?|daughters?|sons?|mum|dad|husband|wife|partner|people|customers)\b|\b(?:friends?|neighbours?|sisters?|brothers?|mates?|colleagues?|relatives) (?:\w+ ){0,4}?(?:have|has|had)? ?(?:come|came) in\b/i,
  /\b(?:NPS|net promoter|promoter score|recommend score|reviews?|ratings?|scored us|score)\b/i,
  /\b(?:takings|revenue|turnover|sales|bookings|footfall|conversion|basket|average (?:spend|transaction)|(?:account|his|her|their) spend(?:ing)?|spend (?:is|was|went|has gone) (?:up|down))\b/i,
];
// A bad score or a lost customer shows awareness of the link, not evidence of building it. A target is
// the business's aim, not a result of the customer's satisfaction.
export const NEGATIVE_OUTCOME = /\b(?:[12][- ]star|one[- ]star|two[- ]star|bad|negative|poor|low|lost|lose|never came back|won'?t come back|complain\w*|targets?)\b/i;
/** An invitation ("I told him to come back") is not an outcome. */
export const INVITATION = /\b(?:told|asked|invited|encouraged|reminded) (?:him|her|them|the customer) to (?:come|pop|call|drop) (?:back|in|by)\b/i;
// The satisfaction side of the link: a customer served in the account, or customers' views gathered.
export const SATISFACTION_CONTEXT: readonly RegExp[] = [
  /\b(?:happy|pleased|satisf\w*|delighted|thrilled|made up|impressed|grateful|thank(?:ed|s)|loved|disappointed|upset|angry|annoyed|unhappy|complain\w*|moaning|grumbl\w*|compliment\w*|feedback|surveys?|questionnaires?|reviews?|ratings?|NPS|comments?)\b/i,
  /\b(?:I|i)\b[^.!?]{0,60}\b(?:asked|told|showed|offered|gave|helped|served|recommended|suggested|explained|sold|fitted|ordered)\b/i,
  // One particular customer in the story (not "customers" in general).
  /\b(?:a|an|this|the|one)\s+(?:(?:young|old|older|elderly|teenage|regular|new|local|retired)\s+)?(?:customer|man|woman|lady|gentleman|guy|bloke|couple|dad|mum|student|boy|girl|lad|family|pensioner|teenager|chap|fella|regular)\b|\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z]/,
];
// Coming back to complain or to return the goods is not repeat custom.
export const CAME_BACK_UNHAPPY = /\b(?:came|come|comes|brought (?:it|them)) back (?:\w+ ){0,3}?(?:to (?:complain|return|get a refund|cancel|exchange)|asking (?:if|whether|to) (?:\w+ ){0,3}?(?:cancel|return|refund)|because|with (?:it|them|the)|angry|upset)\b/i;
/** Paperwork or goods coming back ("the cards that had come back") is not a customer returning. */
export const THINGS_BACK = /\b(?:ones|cards|forms|surveys|questionnaires|slips|results|responses|replies|parcels?|deliveries|stock|items|goods|boxes|orders)\s+(?:that |which )?(?:had |have |has )?(?:came|come|comes|been|were|are) back\b/i;
// Custom kept or lost to a competitor is the link stated in the account's own terms.
const RETAINED = String.raw`kept (?:him|her|them|the customer|the account) (?:on|as|with|from)|(?:would|could) have lost (?:him|her|them|the (?:sale|customer|account))|(?:started|stopped|gone|going|go|went|switched|moved)\b[^.!?]{0,30}\b(?:competitor|across the road|down the road|elsewhere|the supermarket)`;
export const LINK = new RegExp(
  String.raw`\b(?:come back|coming back|comes back|keeps? (?:them|customers|people|him|her) (?:coming|shopping)|repeat (?:business|custom|sales|visits|purchases)|loyal(?:ty)?|word of mouth|recommend us|promoters?|NPS|net promoter|retention|retain|advocacy|advocates?|good for (?:the )?business|profit|tell (?:their|her|his) friends|long[- ]term (?:customer|custom|relationship|value)|lifetime value|reputation|(?:shop|buy|come) (?:with|from|to) us again|more likely to (?:shop|buy|return|come back)|${RETAINED})\b`,
  'i',
);

/** A rule, named or described: the customer's request met something the learner may not do. */
export const CONFLICT: readonly RegExp[] = [
  /\b(?:policy|policies|rules?|terms and conditions|our terms|returns? (?:window|period)|not allowed|aren'?t allowed|isn'?t allowed|only allowed|only allows?|we only|my limit|our limit|authority|allowed to (?:agree|give|offer)|restocking fee|hygiene reasons?|can'?t be (?:refunded|returned|exchanged|resold)|(?:isn'?t|not) (?:mine|ours|my call) to)\b/i,
  /\b(?:couldn'?t|could not|can'?t|cant|cannot|can not|wasn'?t able to|was not able to|unable to|won'?t|not able to)\s+(?:\w+\s+)?(?:refund|take (?:\w+ ){0,3}back|match|give|offer|rush|accept|exchange|do (?:it|that)|honour|reserve|hold|override|waive|extend|cancel|discount|change|drop|lower|reduce|knock|put (?:you|him|her|them) on|let (?:you|him|her|them)|allow|sell|lend|split|promise)\b/i,
  /\b(?:don'?t|do not|doesn'?t)\s+(?:refund|do refunds|accept returns|price match|give discounts)\b|\bsaid no\b|\bno refunds?\b|\brefused\b|\bturned (?:it|him|her|them) down\b|\boutside (?:the|our) (?:returns )?(?:window|period|policy)\b|\bmake an exception\b|\bbend the rules?\b|\b(?:not|isn'?t|wasn'?t|weren'?t) eligible\b/i,
  // A guarantee or promise with conditions ("only with a receipt", "only covers…"), or a strict line.
  /\b(?:guarantee|warranty|promise|returns?|refunds?|exchanges?|voucher|coupon|scheme|offer|deal)s? (?:\w+ ){0,4}?(?:only (?:covers?|applies|works|lasts)|only (?:with|if|for|within|on) |(?:doesn'?t|does not|won'?t) (?:cover|apply|include))|\b(?:is|are|was|very|really) strict (?:on|about)\b|\bnot supposed to\b|\bagainst (?:the |our )?(?:rules?|policy)\b/i,
  // A refusal with its verb left out ("I told her we can't, because…").
  /\b(?:we|I) (?:can'?t|cannot|couldn'?t)(?=\s*(?:[,.;!?]|$|because|as |since))/i,
];
/** What the shop does not do ("we don't do tabs"): a clash only when a customer has just asked for something. */
export const SHOP_RULE = /\bwe (?:don'?t|dont|do not|never|won'?t) (?:\w+ )?(?:do|offer|allow|take|accept|give|match|hold|reserve|deliver|refund|exchange|lend|sell|split|open|run|extend)\b/i;
export const REQUEST =
  /\b(?:he|she|they|customer|man|woman|lady|couple|[A-Z][a-z]+)\s+(?:\w+\s+)?(?:asked (?:if|whether|for|to|us|me)|wanted|requested|insisted|demanded|was hoping|was after)\b|\b(?:asking|wanting|hoping) (?:for|to|if|us)\b/;
/** A charge or rule set aside for one customer ("we normally charge £2 but I did it for free"). */
export const WAIVED =
  /\b(?:normally|usually|always) (?:charge|cost|costs|ask for|take)\b.*?\bbut\b.*?\b(?:free|waived|didn'?t charge|let (?:her|him|them) off)\b|\bwaived (?:the|our|a|his|her) (?:\w+ )?(?:charge|fee|cost)\b/i;
/** The learner saying there was no clash is not a clash. */
export const NO_CONFLICT =
  /\b(?:no|wasn'?t any|weren'?t any|not any|without any|never any) (?:problems?|issues?|clash(?:es)?|conflicts?|trouble) with (?:our |the |any )?(?:polic|rules?)|\b(?:no|not any|never any|wasn'?t any|without any|wasn'?t a|wasn'?t an) (?:\w+ )?(?:policy|rules?|returns?|refund) (?:issues?|problems?|questions?|clash(?:es)?|conflicts?)\b|\b(?:policy|the rules?) (?:didn'?t|did not|never) (?:come (?:up|into it)|apply|matter|get in the way)\b/i;
export const REASON =
  /\b(?:because|cos|'cause|since|as (?=he|she|they|it|we|a |the )|so that|rather than|instead of|not worth|worth|to keep|to avoid|to protect|I (?:chose|decided|judged|weighed|reckoned)|otherwise we|if we(?:'d| would| did| had)(?! \w+ (?:if|whether)))\b/i;
/** The rule given as its own reason ("rules are rules") justifies nothing. */
export const RULE_AS_REASON = /\b(?:rules are rules|policy is policy|(?:it'?s|it is|that'?s|that is) (?:just )?(?:the|our|company) (?:rules?|policy)|(?:those|them'?s) the rules)\b/i;
export const VALUE =
  /\b(?:los(?:e|ing|t) (?:a|the|her|him|them|their|our|that|this|his)|loyal|regular|goodwill|margin|costs? (?:us|far|less|more|only|about|him|her|them)|spends?|spending|relationship|long[- ]term|reputation|trust|come back|worth|value|dissatisf\w*|upset|brushed off|every week|most weeks|(?:coming|shopping|shopped|buying|bought|been (?:a )?customers?)\b[^.!?]{0,25}\b(?:years|decades)|(?:thirty|twenty|ten|\d+|all|everyone|every \w+) (?:more )?(?:asking|wanting|expecting))\b|£\s?\d/i;
/** Dissatisfaction shown to have been kept low: the customer settled after the alternative. */
export const DEFUSED = /\b(?:calmed (?:right |straight )?down|(?:left|went away) (?:happy|smiling|satisfied)|was happy with (?:that|the)|happy with that|(?:accepted|took) (?:the|that|my) (?:offer|alternative|swap|exchange|repair|credit)|booked (?:the|a) (?:repair|fitting|appointment))\b/i;

// Feedback: a named mechanism, customers' views asked for, or several customers saying the same thing.
export const COLLECT = new RegExp(
  String.raw`\b(?:(?:customer |their |our |written )feedback|feedback (?:from|on|about|cards?|forms?|box|slips?)|surveys?|questionnaires?|comment (?:cards?|books?|box|slips?)|comments|suggestions? (?:box|slips?|cards?)|reviews|complaints|moaning|complaining|NPS|net promoter|mystery shop\w*|follow-up (?:text|email|call|survey|message)|fill in (?:a |the )?(?:\w+ )?(?:card|form|survey)|(?:slips?|cards?|forms?|notes?) (?:on|at|by) (?:every|each|the) (?:table|till|counter|desk)|asking (?:people|customers|shoppers|diners|guests) (?:for|what|how|whether|to rate)|(?:several|many|lots of|loads of|a few|some|dozens of|\d+) (?:\w+ )?(?:customers|people|regulars|shoppers|parents|diners) (?:\w+ ){0,4}?(?:told us|said|kept saying|kept asking|mentioned|asked for|complained)|(?:customers|people|they|regulars|shoppers) (?:[\w-]+ ){0,4}?kept (?:saying|telling us|asking (?:for|about)|complaining)|(?:writing|wrote) down every time|(?:kept|keep|keeping) a (?:tally|count|log) of|(?:phon|ring|call|email|text)(?:e|ed|ing|s)? (?:every|each|all (?:our |the )?)\s?(?:customers?|buyers?|clients?)\b[^.!?]{0,50}\b(?:after|later|to ask|asking|with (?:\w+ )?questions?)|(?:rang|called|phoned|emailed|texted|messaged) (?:her|him|them) (?:(?:a|one|two|three|a few|\d+) (?:days?|weeks?|fortnight|months?) later|afterwards|the (?:next|following) (?:day|week)) to (?:check|ask|see|find out|hear))\b`,
  'i',
);
export const CHANGE =
  /\b(?:introduced?|started|trialled|changed|set up|added|brought in|put (?:up|together|in place|on)|created|launched|moved|rearranged|retrained|trained|began|switched|redesigned|updated|made (?:a |the )?change|(?:we|I) now (?:lend|give|ask|offer|put|send|keep|check|phone|ring|call|include|show|stock|text|email))\b/i;
export const IMPROVEMENT =
  /\b(?:fell|fallen|rose|risen|dropped|increased|decreased|improved|grew|grown|halved|doubled|gone (?:up|down)|come down|went (?:up|down|from)|moved from|gone from|from (?:about |around )?\d[\d,.]*%? to|(?:up|down) (?:by )?(?:about |around |nearly |almost |over )?(?:£\s?\d|\d|a (?:fifth|quarter|third|half))|average (?:rating|score) of)/i;
