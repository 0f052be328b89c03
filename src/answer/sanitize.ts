/**
 * A language model's reply as plain prose: formatting it invented is undone, and only links that
 * stand in the passages survive. The reply is shown in Discord (markdown) and printed by the CLI,
 * so a masked link `[click](https://…)`, a code block or a heading it wrote must not become
 * live formatting there, and a URL it made up must not be offered as a source.
 */
export interface Sanitized {
  text: string;
  /** Links and code blocks taken out because the passages do not hold them. */
  removed: number;
}

const FENCE = /```[^\n`]*\n?([\s\S]*?)```/g;
const MASKED_LINK = /\[([^[\]\n]{1,200})\]\(\s*<?(\S{1,2000}?)>?\s*\)/g;
const URL = /<?\b(?:https?|ftp):\/\/[^\s<>()[\]]+[^\s<>()[\].,;:!?'"”’]>?/g;
const INLINE_CODE = /`([^`\n]{1,500})`/g;
const EMPHASIS = /(\*\*|__|\*|~~|\|\|)(?=\S)([^*_~|\n]{1,500}?)(?<=\S)\1/g;
const LINE_MARKUP = /^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|-#[ \t]+)/gm;

export function sanitizeGenerated(text: string, passages: readonly string[]): Sanitized {
  const source = passages.join("\n");
  const inPassages = (s: string) => s.trim() !== "" && source.includes(s.trim());
  let removed = 0;
  const out = text
    // A code block the passages do not contain is the model's own; one that quotes them stays as text.
    .replace(FENCE, (_, body: string) => {
      if (inPassages(body)) return body.trim();
      removed++;
      return "";
    })
    .replace(MASKED_LINK, (_, label: string, url: string) => {
      if (inPassages(url)) return `${label} (${url})`;
      removed++;
      return label;
    })
    .replace(URL, (url: string) => {
      const bare = url.replace(/^<|>$/g, "");
      if (inPassages(bare)) return bare;
      removed++;
      return "";
    })
    .replace(INLINE_CODE, "$1")
    .replace(EMPHASIS, "$2")
    .replace(LINE_MARKUP, "")
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text: out, removed };
}
