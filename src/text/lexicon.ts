/**
 * Word classes that carry meaning beyond their topic: change (up/down), negation, superlatives,
 * ordinals, causes and purposes, definitions, and families of words used interchangeably. These
 * are kinds of English, not words of any one book; questions, answers and fact-check read them
 * here.
 */
import { stemmer } from "stemmer";

/** Words of rising and falling; a figure near them is a change in that direction. */
export const UP_RE =
  /\b(?:increas\w*|gr[eo]w\w*|rise|rose|risen|rising|gain\w*|jump\w*|climb\w*|higher|doubled|tripled|surg\w*|soar\w*|exceed\w*|up\s+by|added|boost\w*|expan\w*|surplus|positive)\b/i;
export const DOWN_RE =
  /\b(?:decreas\w*|fell|fall\w*|declin\w*|drop\w*|reduc\w*|lower|shrank|shrunk|contract\w*|halved|los[st]\w*|slump\w*|down\s+by|deficit|negative)\b/i;

export type Direction = "up" | "down";

/** The direction a stretch of text states last ("fell by 6.7%" → down), if any. */
export function directionIn(text: string): Direction | undefined {
  const up = lastIndex(text, UP_RE);
  const down = lastIndex(text, DOWN_RE);
  if (up < 0 && down < 0) return undefined;
  return up > down ? "up" : "down";
}

function lastIndex(text: string, re: RegExp): number {
  let last = -1;
  for (const m of text.matchAll(new RegExp(re.source, "gi"))) last = m.index;
  return last;
}

/**
 * Negation cues. "not only" adds rather than denies, and "no less than", "not less than" state a
 * bound, so they are not negations.
 */
export const NEGATION_RE =
  /\b(?:not(?!\s+only|\s+(?:less|fewer|more)\s+than|\s+just\b)|never|no(?!\s+(?:less|fewer|more|later|longer)\s+than|\.)|neither|nor|without|none|nothing|failed\s+to|far\s+from|n't|cannot|unable\s+to|lack(?:s|ed|ing)?)\b|n't\b/gi;

export function negationsIn(text: string): number[] {
  return [...text.matchAll(NEGATION_RE)].map((m) => m.index);
}

/** Superlatives: "top" ones name the first of a ranking, "bottom" ones the last. */
const TOP = [
  "highest",
  "largest",
  "biggest",
  "greatest",
  "leading",
  "top",
  "best",
  "record",
  "maximum",
  "most",
  "main",
  "major",
  "principal",
  "foremost",
];
const BOTTOM = ["lowest", "smallest", "least", "minimum", "worst", "weakest", "fewest"];
export const SUPERLATIVE_RE = new RegExp(`\\b(?:${[...TOP, ...BOTTOM].join("|")})\\b`, "gi");
export const superlativePole = (word: string): "top" | "bottom" | undefined =>
  TOP.includes(word.toLowerCase()) ? "top" : BOTTOM.includes(word.toLowerCase()) ? "bottom" : undefined;

/** Numbers written as words ("fifteen", "a hundred" is read apart), for counts and figures. */
export const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

/** Ordinal words and forms ("second", "2nd", "II") with their rank. */
const ORDINAL_WORDS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
];
export const ORDINAL_RE = new RegExp(`\\b(?:${ORDINAL_WORDS.join("|")}|\\d{1,2}(?:st|nd|rd|th))\\b`, "gi");
/** The ordinal word of a rank ("second" for 2). */
export const ordinalWord = (n: number): string => ORDINAL_WORDS[n - 1] ?? `${n}th`;

export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = ORDINAL_WORDS.indexOf(w);
  if (i >= 0) return i + 1;
  const n = w.match(/^(\d{1,2})(?:st|nd|rd|th)$/)?.[1];
  return n ? Number(n) : undefined;
}

/** What gives a reason or a purpose: the sentence to lead with for "why" and "what for". */
export const REASON_RE =
  /\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|result(?:s|ed)?\s+(?:of|from)|caused\s+by|the\s+reason|reasons?\s+(?:for|why|is|are)|explain(?:s|ed)?\s+by|is\s+explained|that\s+is\s+why|this\s+is\s+why|which\s+is\s+why|therefore|hence|since\s+(?:the|it|they|this|there)|given\s+that|the\s+fact\s+(?:is\s+)?that|in\s+view\s+of|in\s+connection\s+with|against\s+the\s+background|so\s+that|in\s+order\s+to|aim(?:s|ed)?\s+(?:at|to)|intend(?:s|ed)?\s+to|designed\s+to|purpose|goal|objective|will\s+(?:allow|enable|help|make\s+it\s+possible)|would\s+(?:allow|enable|help|make\s+it\s+possible)|allow(?:s|ing)?\s+(?:to|them|it|the)|(?:far\s+from|not|no|hardly)\s+(?:accidental(?:ly)?|an?\s+accident|by\s+chance|a\s+coincidence|random))\b/i;

/**
 * What puts a statement in the future or in intent: a plan, a target, a forecast, a potential.
 * "It is planned to produce 1,000 cars in 2021" does not say how many were produced.
 */
export const PLAN_RE =
  /\b(?:plan(?:s|ned|ning)?\s+to|(?:is|are|was|were)\s+(?:planned|expected|scheduled|going|due|intended|to\s+be|to\s+\w+)|will(?!\s+be\s+(?:recalled|noted|remembered|reminded|said|seen|shown|recalled))|shall|intends?\s+to|intended|aims?\s+(?:to|at)|targets?|targeted|goal|forecast\w*|projected|potential|envisag\w+|(?:is|are)\s+to\s+\w+|it\s+is\s+planned|planning\s+to|ready\s+to)\b/i;

/**
 * What makes a date the earliest: "was only set up in 2015", "not until 2017", "as late as 2019"
 * say it did not happen before. Read only in the clause right before a date.
 */
export const NOT_BEFORE_RE = /\b(?:only|not\s+until|no\s+earlier\s+than|as\s+(?:late|recently)\s+as)\b/i;

/** What defines: "X is a …", "X means …", "known as", "stands for". */
export const DEFINITION_RE =
  /\b(?:is|are|was|were)\s+(?:a|an|the)\b|\bmeans?\b|\brefers?\s+to\b|\bknown\s+as\b|\bstands?\s+for\b|\bis\s+called\b|\bdefined\s+as\b/i;

/**
 * Words the books use interchangeably (verbs of one act, nouns of one thing), compared by stem.
 * Kept to near-synonyms: a family never joins opposites (buy and sell are converses below).
 */
const FAMILIES: string[][] = [
  ["implement", "carry", "fulfil", "fulfill", "realise", "realize", "execute", "accomplish", "complete"],
  ["establish", "found", "create", "form", "set", "launch"],
  ["sign", "conclude", "ink"],
  ["hold", "host", "organise", "organize", "convene", "stage", "venue"],
  ["buy", "purchase", "acquire", "procure"],
  ["sell", "supply", "deliver", "ship", "export", "shipment", "delivery", "sale"],
  ["import"],
  ["trade", "turnover", "commerce"],
  ["increase", "grow", "growth", "rise", "gain", "expand", "expansion"],
  ["decrease", "decline", "fall", "drop", "reduce", "reduction", "shrink"],
  ["company", "enterprise", "firm", "business", "entity", "organisation", "organization"],
  ["plant", "factory", "works", "mill"],
  ["agreement", "accord", "treaty", "memorandum", "document", "contract", "deal", "transaction"],
  ["twin", "twinning", "sister", "partner"],
  ["agricultural", "agriculture", "farm", "agrarian", "agri", "agro", "agrifood", "agro-industrial"],
  ["food", "foodstuff", "foodstuffs", "product"],
  ["cost", "worth", "value", "price", "amount", "sum", "volume", "spend", "spent", "expenditure", "expense"],
  ["university", "institution", "college", "academy"],
  ["student", "learner"],
  ["buyer", "importer", "purchaser", "consumer", "customer", "client"],
  ["truck", "lorry"],
  ["caterpillar", "crawler", "tracked"],
  ["electric", "battery", "electrically"],
  ["investment", "investor", "invest", "capital"],
  ["resident", "participant", "member"],
  ["region", "territory", "area"],
  ["meeting", "session", "talks", "negotiation"],
  ["plan", "intend", "expect", "aim"],
  ["approve", "adopt", "endorse", "ratify"],
  ["exchange", "bourse"],
  ["order", "request", "demand"],
  ["need", "require", "demand"],
  // Adjectives of a field said for its noun ("scientific and technical cooperation").
  ["science", "scientific"],
  ["technology", "technological", "technical", "technic"],
  ["economy", "economic", "economical"],
  ["powdered", "powder", "dried", "dry"],
];

/** Relations read in both directions: "A buys from B" says "B sells to A". */
export const CONVERSES: [string, string][] = [
  ["buy", "sell"],
  ["purchas", "suppli"],
  ["import", "export"],
  ["receiv", "send"],
];

const FAMILY_OF = new Map<string, number>();
FAMILIES.forEach((family, i) => {
  for (const w of family) if (!FAMILY_OF.has(stemmer(w))) FAMILY_OF.set(stemmer(w), i);
});

/** The family id of a stem, or undefined when it has no near-synonyms here. */
export const familyOf = (stem: string): number | undefined => FAMILY_OF.get(stem);

/**
 * Same stem, one stem extending the other by a few letters (Porter leaves "friend" / "friendli",
 * "export" / "exporter"), or near-synonyms of one family.
 */
export const sameWord = (a: string, b: string): boolean => {
  if (a === b) return true;
  const f = FAMILY_OF.get(a);
  if (f !== undefined && f === FAMILY_OF.get(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length - short.length <= 3 && long.startsWith(short) && !isDigit(short);
};

const isDigit = (s: string) => s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57;

/** Whether a set of terms holds a term or a word for it (`sameWord`). */
export function holdsWord(terms: ReadonlySet<string>, t: string): boolean {
  if (terms.has(t)) return true;
  for (const u of terms) if (sameWord(t, u)) return true;
  return false;
}
