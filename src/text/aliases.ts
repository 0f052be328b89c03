/**
 * Names the books and their readers write in several ways, folded onto one key: demonyms onto
 * their country ("Uzbek" → uzbekistan), Belarusian transliterations onto the Russian ones the
 * books use ("Homel" → gomel, "Mahilyow" → mogilev), abbreviations onto their full names ("MTZ" /
 * "Minsk Tractor Works" / "Minsk Tractor Plant", "EEU" / "EAEU"). Search terms, answers and
 * fact-check all read names through this table.
 */

export type EntityType = "place" | "organisation";

export interface EntityDef {
  /** Canonical key: a lower-case word that the term analysis keeps as it is. */
  key: string;
  type: EntityType;
  /** Written forms, as regular-expression sources matched on word boundaries. */
  forms: string[];
  /** Upper-case abbreviations, matched case-sensitively ("MAZ", not "maz" in a URL). */
  abbreviations?: string[];
}

/** Countries and the adjectives and demonyms that name them. */
const COUNTRIES: Record<string, string[]> = {
  belarus: ["belarusian", "belarusians", "byelorussian", "belorussian", "byelorussia", "belorussia"],
  russia: ["russian", "russians", "russian federation"],
  uzbekistan: ["uzbek", "uzbeks", "uzbekistani"],
  kazakhstan: ["kazakh", "kazakhs", "kazakhstani", "kazakstan"],
  kyrgyzstan: ["kyrgyz", "kirghizia", "kirgizia", "kyrgyz republic"],
  tajikistan: ["tajik", "tajiks"],
  turkmenistan: ["turkmen"],
  azerbaijan: ["azerbaijani", "azeri"],
  armenia: ["armenian", "armenians"],
  georgia: ["georgian"],
  moldova: ["moldovan", "moldavia"],
  ukraine: ["ukrainian"],
  turkey: ["turkish"],
  china: ["chinese", "people's republic of china"],
  india: ["indian"],
  vietnam: ["vietnamese", "viet nam"],
  malaysia: ["malaysian"],
  indonesia: ["indonesian"],
  mongolia: ["mongolian"],
  syria: ["syrian"],
  egypt: ["egyptian"],
  iran: ["iranian"],
  pakistan: ["pakistani"],
  bangladesh: ["bangladeshi"],
  cuba: ["cuban"],
  serbia: ["serbian"],
  poland: ["polish"],
  germany: ["german"],
  austria: ["austrian"],
  france: ["french"],
  italy: ["italian"],
  latvia: ["latvian"],
  lithuania: ["lithuanian"],
  oman: ["omani"],
};

/** Continents and Russia's republics and lands, with the adjectives that name them. */
const LANDS: Record<string, string[]> = {
  europe: ["european"],
  eurasia: ["eurasian"],
  africa: ["african"],
  america: ["american"],
  tatarstan: ["tatar"],
  chechnya: ["chechen", "chechens"],
  dagestan: ["dagestani"],
  karelia: ["karelian"],
  yakutia: ["yakut", "sakha"],
  bashkortostan: ["bashkir", "bashkiria"],
  siberia: ["siberian"],
  caucasus: ["caucasian"],
};

/** Belarusian (Łacinka / BGN) spellings of places the books spell the Russian way. */
const TRANSLITERATIONS: Record<string, string[]> = {
  gomel: ["homel", "homiel"],
  mogilev: ["mahilyow", "mahilyou", "mahiliou", "mogilyov", "mahilioŭ"],
  grodno: ["hrodna"],
  vitebsk: ["vitsebsk", "viciebsk"],
  bobruisk: ["babruysk", "babrujsk"],
  borisov: ["barysaw", "barysau"],
  polotsk: ["polatsk"],
  novopolotsk: ["navapolatsk"],
  molodechno: ["maladzyechna"],
  soligorsk: ["salihorsk"],
  smorgon: ["smarhon"],
  baranovichi: ["baranavichy"],
  mozyr: ["mazyr"],
  rechitsa: ["rechytsa"],
  svetlogorsk: ["svetlahorsk"],
  zhodino: ["zhodzina"],
  osipovichi: ["asipovichy"],
  primorsky: ["primorye", "primorskiy", "primorskij"],
  // Colloquial names of Russian regions: "Podmoskovye" is the Moscow region.
  moscow: ["podmoskovye", "podmoskovie"],
};

/** Organisations and programmes, with their abbreviations. Forms are plain words; "-" and "'" split words. */
const ORGANISATIONS: EntityDef[] = [
  { key: "cis", type: "organisation", forms: ["commonwealth of independent states"], abbreviations: ["CIS"] },
  {
    key: "eaeu",
    type: "organisation",
    forms: ["eurasian economic union"],
    abbreviations: ["EAEU", "EEU", "EAEC"],
  },
  { key: "eu", type: "organisation", forms: ["european union"], abbreviations: ["EU"] },
  {
    key: "sco",
    type: "organisation",
    forms: ["shanghai cooperation organisation", "shanghai cooperation organization"],
    abbreviations: ["SCO"],
  },
  {
    key: "buce",
    type: "organisation",
    forms: ["belarusian universal commodity exchange", "belarusian commodity exchange"],
    abbreviations: ["BUCE", "BUTB", "BUOTB", "BUTE"],
  },
  {
    key: "spimex",
    type: "organisation",
    forms: [
      "st petersburg international mercantile exchange",
      "saint petersburg international mercantile exchange",
    ],
    abbreviations: ["SPIMEX"],
  },
  {
    key: "htp",
    type: "organisation",
    forms: [
      "hi tech park",
      "high tech park",
      "high technologies park",
      "high technology park",
      "hi technologies park",
    ],
    abbreviations: ["HTP"],
  },
  {
    key: "fez",
    type: "organisation",
    forms: ["free economic zone", "free economic zones", "free zone", "free zones"],
    abbreviations: ["FEZ", "FEZs"],
  },
  {
    key: "mtz",
    type: "organisation",
    forms: ["minsk tractor works", "minsk tractor plant", "minsk tractor factory"],
    abbreviations: ["MTZ"],
  },
  {
    key: "maz",
    type: "organisation",
    forms: [
      "minsk automobile works",
      "minsk automobile plant",
      "minsk automobile factory",
      "minsk auto plant",
    ],
    abbreviations: ["MAZ"],
  },
  {
    key: "belaz",
    type: "organisation",
    forms: [
      "belarusian automobile works",
      "belarusian automobile plant",
      "belarusian automobile factory",
      "belaz",
    ],
    abbreviations: ["BELAZ", "BelAZ"],
  },
  {
    key: "mmz",
    type: "organisation",
    forms: ["minsk motor works", "minsk motor plant", "minsk motor factory"],
    abbreviations: ["MMZ"],
  },
  {
    key: "bmz",
    type: "organisation",
    forms: ["belarusian steel works", "belarusian metallurgical plant", "belarusian metallurgical works"],
    abbreviations: ["BMZ"],
  },
  {
    key: "greatstone",
    type: "organisation",
    forms: ["great stone", "velikiy kamen", "china belarus industrial park"],
  },
  { key: "uae", type: "place", forms: ["united arab emirates"], abbreviations: ["UAE"] },
  { key: "china", type: "place", forms: [], abbreviations: ["PRC"] },
  { key: "kazakhstan", type: "place", forms: [], abbreviations: ["KZ", "RK"] },
  { key: "russia", type: "place", forms: [], abbreviations: ["RF"] },
  { key: "belarus", type: "place", forms: ["republic of belarus"], abbreviations: ["RB"] },
  { key: "usa", type: "place", forms: ["united states", "united states of america"], abbreviations: ["USA"] },
];

/** A country's key ("belarus"), as opposed to a region's, a city's or an organisation's. */
export const isCountry = (key: string): boolean => Object.hasOwn(COUNTRIES, key);

/** Every entity the vocabulary knows by name. */
export const ENTITIES: readonly EntityDef[] = [
  ...Object.entries({ ...COUNTRIES, ...LANDS }).map(
    ([key, forms]): EntityDef => ({ key, type: "place", forms: [key, ...forms] }),
  ),
  ...Object.entries(TRANSLITERATIONS).map(
    ([key, forms]): EntityDef => ({ key, type: "place", forms: [key, ...forms] }),
  ),
  ...ORGANISATIONS,
];

/**
 * Capitals that stand for their countries in political prose ("Minsk and Moscow agreed" = Belarus
 * and Russia): a name check accepts either. Not for terms: "Minsk region" is not Belarus.
 */
export const CAPITALS: ReadonlyMap<string, string> = new Map([
  ["minsk", "belarus"],
  ["moscow", "russia"],
  ["astana", "kazakhstan"],
  ["nur-sultan", "kazakhstan"],
  ["tashkent", "uzbekistan"],
  ["bishkek", "kyrgyzstan"],
  ["dushanbe", "tajikistan"],
  ["ashgabat", "turkmenistan"],
  ["baku", "azerbaijan"],
  ["yerevan", "armenia"],
  ["tbilisi", "georgia"],
  ["chisinau", "moldova"],
  ["kiev", "ukraine"],
  ["kyiv", "ukraine"],
  ["beijing", "china"],
  ["hanoi", "vietnam"],
  ["ankara", "turkey"],
  ["tehran", "iran"],
  ["islamabad", "pakistan"],
  ["havana", "cuba"],
  ["belgrade", "serbia"],
  ["warsaw", "poland"],
  ["berlin", "germany"],
  ["vienna", "austria"],
]);

/** Words for a country's or region's first-level unit, folded onto "region". */
export const REGION_WORDS = new Set([
  "region",
  "regions",
  "oblast",
  "oblasts",
  "voivodeship",
  "voivodship",
  "krai",
  "kray",
  "province",
  "provinces",
]);

/**
 * Single words folded onto another term: the variants above, plus colloquial and abbreviated
 * forms readers type ("unis", "govt", "Jan").
 */
export const WORD_VARIANTS: ReadonlyMap<string, string> = new Map<string, string>([
  ...ENTITIES.flatMap((e) =>
    [...e.forms.filter((f) => /^[\p{L}']+$/u.test(f)), ...(e.abbreviations ?? [])]
      .map((f) => f.toLowerCase())
      .filter((f) => f !== e.key)
      .map((f) => [f, e.key] as [string, string]),
  ),
  ...[...REGION_WORDS].map((w) => [w, "region"] as [string, string]),
  ["agri", "agricultural"],
  ["agro", "agricultural"],
  ["unis", "university"],
  ["uni", "university"],
  ["govt", "government"],
  ["gov", "government"],
  ["intl", "international"],
  ["jan", "january"],
  ["feb", "february"],
  ["mar", "march"],
  ["apr", "april"],
  ["jun", "june"],
  ["jul", "july"],
  ["aug", "august"],
  ["sep", "september"],
  ["sept", "september"],
  ["oct", "october"],
  ["nov", "november"],
  ["dec", "december"],
]);

/** Words as the alias table sees them: letters and digits, split at anything else ("St.", "Hi-Tech", "People's"). */
const WORD = /[\p{L}\p{N}]+/gu;

interface Trie {
  key?: string;
  next: Map<string, Trie>;
}

/** Multi-word forms as a trie over lower-case words: one pass over a text finds them all. */
const PHRASES: Trie = { next: new Map() };
for (const e of ENTITIES) {
  for (const form of e.forms) {
    const words = form.toLowerCase().match(WORD) ?? [];
    if (words.length < 2) continue;
    let node = PHRASES;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.key = e.key;
  }
}

/** The longest multi-word form starting at word `i`: its key and how many words it takes. */
function phraseAt(words: string[], i: number): { key: string; length: number } | undefined {
  let node: Trie | undefined = PHRASES;
  let found: { key: string; length: number } | undefined;
  for (let j = i; j < words.length && node; j++) {
    node = node.next.get(words[j] as string);
    if (node?.key) found = { key: node.key, length: j - i + 1 };
  }
  return found;
}

const ABBREVIATION_KEYS = new Map(
  ENTITIES.flatMap((e) => (e.abbreviations ?? []).map((a) => [a, e.key] as const)),
);
const SINGLE_KEYS = new Map(
  ENTITIES.flatMap((e) => e.forms.filter((f) => /^[\p{L}]+$/u.test(f)).map((f) => [f, e.key] as const)),
);
const TYPES = new Map(ENTITIES.map((e) => [e.key, e.type]));

export const entityType = (key: string): EntityType | undefined => TYPES.get(key);

export interface NameMention {
  key: string;
  type: EntityType;
  index: number;
  raw: string;
}

/** Known names in `text`, longest form first ("Minsk Tractor Works" over "Minsk"). */
export function knownNames(text: string): NameMention[] {
  const spans = [...text.matchAll(WORD)];
  const words = spans.map((m) => m[0].toLowerCase());
  const out: NameMention[] = [];
  for (let i = 0; i < spans.length; i++) {
    const m = spans[i] as RegExpMatchArray;
    const phrase = phraseAt(words, i);
    if (phrase) {
      const last = spans[i + phrase.length - 1] as RegExpMatchArray;
      const end = (last.index as number) + last[0].length;
      out.push({
        key: phrase.key,
        type: TYPES.get(phrase.key) ?? "place",
        index: m.index as number,
        raw: text.slice(m.index, end),
      });
      i += phrase.length - 1;
      continue;
    }
    // Abbreviations only as written ("MAZ", not "maz" in a URL); other single forms in any case.
    const key = ABBREVIATION_KEYS.get(m[0]) ?? SINGLE_KEYS.get(words[i] as string);
    if (key) out.push({ key, type: TYPES.get(key) ?? "place", index: m.index as number, raw: m[0] });
  }
  return out;
}

/** The alias keys of the multi-word forms among lower-case word tokens: added to a text's terms so both spellings match. */
export function phraseKeys(words: string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = phraseAt(words, i);
    if (phrase) {
      keys.push(phrase.key);
      i += phrase.length - 1;
    }
  }
  return keys;
}
