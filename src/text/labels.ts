/**
 * A section heading worth printing beside its book's title. The first heading of a converted
 * book is often the title itself ("Commonwealth of Independent States: Evolution of regional
 * cooperation — Commonwealth of Independent States: Evolution of regional cooperation, p. 3"),
 * or a part of it; such a section adds nothing and is left out.
 */
export function distinctSection(title: string, section: string): string {
  const flat = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const s = flat(section);
  return s === "" || flat(title).includes(s) ? "" : section;
}
