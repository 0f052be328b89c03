/**
 * Question analysis: what kind of answer is asked for (an amount, a count, a share, a date, a
 * place, a name, a reason, a process, a definition, yes/no) and the constraints it must hold
 * (names, periods), read with the same vocabulary as the books. Misspelt words are corrected to
 * corpus terms, or dropped when they are misspelt function words ("wat"); a word the corpus never
 * uses is kept for search but never, by itself, decides that nothing answers the question.
 */
import { STOP_WORDS, term, terms, tokens } from "../text/analyze.js";
import { stripFraming } from "../text/framing.js";
import { PLAN_RE } from "../text/lexicon.js";
import { currencyAsked, type Unit } from "../text/numbers.js";
import { editDistance } from "../text/spelling.js";
import { resolveRelativeYears } from "../text/time.js";
import { dropCommonOpener, type Reading, read } from "./reading.js";

export type AnswerType =
  | "amount"
  | "count"
  | "size"
  | "percent"
  | "change"
  | "date"
  | "place"
  | "organisation"
  | "reason"
  | "process"
  | "definition"
  | "yesno"
  | "other";

/** What the analysis needs of the corpus: which terms it uses, the closest one to a misspelling, and how rare each is. */
export interface Vocabulary {
  has(term: string): boolean;
  correct(term: string): string | undefined;
  /** How much a term counts in any share of the question: its IDF, figures weighed up. */
  weight(term: string): number;
}

export interface QuestionAnalysis {
  question: string;
  /** Framing dropped and misspellings corrected: the text that is searched. */
  text: string;
  /** Kinds of answer asked for, most specific first; a question may ask two ("when … and who …"). */
  answerTypes: AnswerType[];
  reading: Reading;
  /** Content terms of the question, corrected; unknown words kept. */
  terms: string[];
  /** Terms the corpus does not use (after correction): kept in the search, not in the "found" decision. */
  unknown: string[];
  /** How much each of its terms counts (the corpus's IDF for the generation it was read against). */
  weight: (term: string) => number;
  /**
   * It asks for a figure of a flow over a period (trade, exports, output…): a figure for part of
   * the period ("January–September 2021" for "2021") does not answer it.
   */
  flow: boolean;
  /** It asks what happened ("did … actually build"), so a plan or target does not answer it. */
  actual: boolean;
  /**
   * What is asked after: the words right after "how many", "what share of", "what was the …", or
   * the measure named ("exports", "turnover"). A sentence that states a figure of another thing
   * does not answer ("the inflation rate" is not a trade figure).
   */
  focus: string[];
  /** The currency the amount is asked in ("the dollar value of"): a figure in another does not state it. */
  currency?: Unit;
}

/** Measures that accumulate over a period: their figure for part of it is another figure. */
const FLOW_RE =
  /\b(?:trade|turnover|exports?|imports?|supplies|shipments?|sales|deliveries|output|production|produced|revenues?|growth|grew|grow|increase[ds]?|investments?|volumes?|surplus|deficit|balance|sold|exported|imported|shipped|supplied)\b/i;

const TYPE_CUES: [RegExp, AnswerType][] = [
  // "how many", "the number of", "resident count" (a count as a noun, not "count on / as").
  [
    /\bhow\s+many\b|\bnumber\s+of\b|\bcount\s+of\b|\b\p{L}+\s+counts?\b(?!\s+(?:on|as|for|towards?)\b)/iu,
    "count",
  ],
  [
    /\b(?:by\s+)?how\s+much\s+(?:did|has|have|had|does|do|was|were|is|are)\b[^?]*\b(?:grow|grew|increase|rise|rose|fall|fell|drop|decline|decrease|change)\w*/i,
    "change",
  ],
  [/\bby\s+how\s+much\b|\bhow\s+(?:fast|quickly|strongly)\b|\bgrowth\s+rate\b/i, "change"],
  [
    /\bwhat\s+(?:share|percentage|proportion|part|portion|fraction)\b|\bwhat\s+per\s*cent\b|\bshare\s+of\b|\bhow\s+much\s+of\b|\b(?:inflation|interest|unemployment|tax|growth|exchange)\s+rates?\b/i,
    "percent",
  ],
  [/\bhow\s+(?:big|large)\b|\bwhat\s+size\b/i, "size"],
  [
    /\bhow\s+(?:much|far)\b|\b(?:value|volume|volumes|turnover|cost|costs|worth|amount|price|sum|total|size|revenue|budget|investments?|exports?|imports?|trade|output|payload|weight|capacity|portfolio)\b/i,
    "amount",
  ],
  [
    /\bwhen\b|\bwhat\s+(?:year|date|month|time)\b|\bsince\s+when\b|\bin\s+which\s+year\b|\bhow\s+long\s+ago\b/i,
    "date",
  ],
  [
    /\bwhere\b|\bwhich\s+(?:city|cities|town|region|regions|country|countries|province|district|oblast|place)\b|\bin\s+what\s+(?:city|region|country)\b/i,
    "place",
  ],
  [
    /\bwho\b|\bwhom\b|\bwhose\b|\bwhich\s+(?:company|companies|firm|organi[sz]ation|enterprise|plant|bank|exchange|university|ministry)\b/i,
    "organisation",
  ],
  [
    /\bwhy\b|\bwhat\s+for\b|\bfor\s+what\s+reason\b|\bhow\s+come\b|\bwhat(?:'s|\s+is|\s+was)\s+the\s+(?:point|purpose|reason|aim|goal|idea)\b|\bwhat\s+(?:made|makes|caused|drives|drove)\b/i,
    "reason",
  ],
  [
    /\bwhat\s+(?:does|do|did)\b.*\b(?:mean|stand\s+for)\b|\bwhat\s+(?:is|are)\s+(?:a|an|the)\s+\w+\s*\??$/i,
    "definition",
  ],
  [/\bhow\s+(?:did|does|do|is|are|was|were|can|could|will|would|has|have)\b/i, "process"],
];

/** "How did X's trade do in 2020?": asking after a measure is asking for its figures. */
const MEASURE_PROCESS =
  /\bhow\s+(?:did|does|has|have|is|was)\b[^?]*\b(?:trade|turnover|exports?|imports?|sales|output)\b[^?]*\b(?:do|fare|perform|go|develop|change|evolve)\b/i;

const AUX_START =
  /^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|isn't|aren't|wasn't|didn't|doesn't)\b/i;

/**
 * A yes/no question: opens with an auxiliary ("Did exports grow…?") or frames a claim ("Is it
 * true that…", "Someone says… Is that right?"). A bare noun phrase ("Hi-Tech Park exports in
 * 2021?") asks for the thing it names.
 */
export function isYesNo(question: string): boolean {
  const q = question.trim();
  if (/\b(?:how|what|which|who|whom|whose|when|where|why)\b/i.test(stripFraming(q))) return false;
  return AUX_START.test(q) || stripFraming(q) !== q.replace(/\s+/g, " ").trim();
}

/** Kinds of answer asked for, from the wording alone. */
export function answerTypesOf(question: string): AnswerType[] {
  const q = question.trim();
  if (isYesNo(q)) return ["yesno"];
  if (MEASURE_PROCESS.test(q)) return ["amount"];
  const types = TYPE_CUES.filter(([re]) => re.test(q)).map(([, t]) => t);
  // "How much did exports grow" asks for a change, not a level; "how many" for a count, not an amount.
  const out = types.filter(
    (t, i) =>
      types.indexOf(t) === i &&
      !(
        t === "amount" &&
        (types.includes("change") || types.includes("percent") || types.includes("size"))
      ) &&
      !(t === "process" && types.some((x) => x !== "process")),
  );
  if (
    out.includes("count") &&
    out.includes("amount") &&
    !/\bhow\s+much\b|\bcost\b|\bworth\b|\bvalue\b/i.test(q)
  )
    out.splice(out.indexOf("amount"), 1);
  return out.length > 0 ? out : ["other"];
}

/** Function words a short unknown word is a typo of ("wat", "hw", "teh", "wich"). */
const FUNCTION_WORDS = [...STOP_WORDS].filter((w) => w.length >= 2);

/**
 * Replaces words the corpus never uses: by the close corpus term they most likely misspell, or by
 * nothing when they misspell a function word. Other unknown words stay as they are.
 */
export function correctSpelling(text: string, vocabulary: Vocabulary): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const corrected = text.replace(/[\p{L}]+/gu, (word) => {
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower)) return word;
    const t = term(lower);
    if (!t || vocabulary.has(t) || tokens(word).length !== 1) return word;
    const fix = vocabulary.correct(t);
    if (fix) return fix;
    // "wat", "hw", "teh": a short misspelt function word. Acronyms ("ITU") are names, never typos.
    const acronym = /\p{Lu}.*\p{Lu}/u.test(word);
    if (!acronym && lower.length <= 4 && FUNCTION_WORDS.some((f) => editDistance(lower, f, 1) <= 1))
      return "";
    unknown.push(t);
    return word;
  });
  return { text: corrected.replace(/\s+/g, " ").trim(), unknown };
}

/**
 * Phrases of asking that name nothing: "so far", "to date", "actually" ("last year (2020)" is read
 * as its year first). Left in, their words match unrelated passages.
 */
const ASKING = [
  /\b(?:so\s+far|to\s+date|these\s+days|nowadays|currently|actually|really|exactly|roughly|approximately)\b/gi,
  /\b(?:have|has)\s+been\s+done\b|\bdone\b/gi,
];

const FOCUS_AFTER = [
  /\bhow\s+(?:many|much)\s+(?<f>(?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/iu,
  // "what share of …", "what was the volume of …": the measure is of the words after "of".
  /\bwhat\s+(?:(?:was|is|were|are)\s+(?:the\s+)?)?(?:share|percentage|proportion|part|number|amount|volume|value|level|size|rate|total|kind|type|sort)\s+of\s+(?:the\s+)?(?<f>(?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/iu,
  /\bwhat\s+(?:was|is|were|are)\s+(?:the\s+)?(?<f>(?:[\p{L}-]+\s+){0,3}?(?:rate|volume|value|turnover|cost|price|amount|number|share|size|level|total|sum|figure|output|exports?|imports?|trade))\b/iu,
];
const MEASURES =
  /\b(?:trade|turnover|exports?|imports?|supplies|shipments?|sales|deliveries|output|production|revenues?|investments?|investors?|residents?|students?|companies|enterprises|cost|price|worth|value|volume|rate|share|payload|weight|capacity|portfolio|budget|loan|credit|deals?|contracts?|orders?)\b/gi;

/** The question's focus terms (see `QuestionAnalysis.focus`); names are constraints, not focus. */
export function focusOf(text: string, reading: Reading): string[] {
  const names = new Set(reading.names.flatMap((n) => n.tokens));
  const phrase = FOCUS_AFTER.map((re) => text.match(re)?.groups?.f).find(Boolean);
  // "how much did mutual trade among …" → "mutual trade": auxiliaries and articles first, then up to the next function word.
  const head = phrase
    ?.replace(/^(?:(?:did|does|do|was|were|is|are|has|have|had|the|a|an|of)\s+)+/i, "")
    .replace(
      /\b(?:did|does|do|was|were|is|are|has|have|had|the|a|an|of|in|for|to|with|from|among|between|by|at|on)\b.*$/i,
      "",
    );
  // "first powdered milk sold to China - how much was it?": the topic before the question words,
  // up to where a verb or preposition starts saying more of it ("sold to China").
  const topic = (text.split(/\b(?:how\s+(?:much|many)|what|which|when|who)\b/i)[0] ?? "").replace(
    /\s(?:sold|bought|made|built|paid|signed|produced|exported|imported|delivered|supplied|opened|created|launched|held|given|taken|done|to|through|in|of|from|at|with|by|for|on|into|via)\b.*$/is,
    "",
  );
  const words =
    head && terms(head).length > 0
      ? terms(head)
      : phrase && terms(topic).length > 0
        ? terms(topic)
        : [...text.matchAll(MEASURES)].flatMap((m) => terms(m[0]));
  return [...new Set(words.filter((t) => !names.has(t) && !/^\d/.test(t)))];
}

export function analyzeQuestion(question: string, vocabulary: Vocabulary): QuestionAnalysis {
  let asked = resolveRelativeYears(stripFraming(question));
  for (const re of ASKING) asked = asked.replace(re, " ");
  const { text, unknown } = correctSpelling(asked, vocabulary);
  const reading = read(text);
  const answerTypes = answerTypesOf(question);
  const currency = currencyAsked(text);
  const measured = answerTypes.some(
    (t) => t === "amount" || t === "change" || t === "count" || t === "percent" || t === "size",
  );
  return {
    question,
    text: text || question,
    answerTypes,
    reading,
    terms: [...reading.terms],
    unknown,
    weight: (t) => vocabulary.weight(t),
    flow: measured && FLOW_RE.test(text),
    actual: /\b(?:did|was|were|had|actually|really|in\s+fact)\b/i.test(question) && !PLAN_RE.test(question),
    focus: measured ? focusOf(text, reading) : [],
    ...(currency ? { currency } : {}),
  };
}

/** The question with its opening word no longer taken for a name when the passages write it in lower case. */
export function withPassages(q: QuestionAnalysis, passages: string[]): QuestionAnalysis {
  const reading = dropCommonOpener(q.reading, passages);
  return reading === q.reading ? q : { ...q, reading };
}
