/**
 * Adjectives and demonyms mapped to the place they name, so "Belarusian exports" matches
 * "exports of Belarus" and "Uzbek trade" matches "Uzbekistan". Questions and the books switch
 * between the two forms all the time.
 */
const PLACES: Record<string, string[]> = {
  belarus: ["belarusian", "belarusians", "byelorussian"],
  russia: ["russian", "russians"],
  uzbekistan: ["uzbek", "uzbeks", "uzbekistani"],
  kazakhstan: ["kazakh", "kazakhs", "kazakhstani"],
  kyrgyzstan: ["kyrgyz"],
  tajikistan: ["tajik", "tajiks"],
  turkmenistan: ["turkmen"],
  azerbaijan: ["azerbaijani", "azeri"],
  armenia: ["armenian", "armenians"],
  georgia: ["georgian"],
  moldova: ["moldovan"],
  ukraine: ["ukrainian"],
  turkey: ["turkish"],
  china: ["chinese"],
  india: ["indian"],
  vietnam: ["vietnamese"],
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
  europe: ["european"],
  eurasia: ["eurasian"],
  africa: ["african"],
  america: ["american"],
  oman: ["omani"],
  tatarstan: ["tatar"],
  bashkortostan: ["bashkir"],
  siberia: ["siberian"],
  caucasus: ["caucasian"],
};

export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries(PLACES).flatMap(([place, forms]) => forms.map((f) => [f, place] as const)),
);
