import { Lexer, type Token } from "marked";
import { BodyBuilder, type DocumentBody } from "./structured.js";
import { parseTxt } from "./txt.js";

/** Plain text of inline tokens: emphasis, links and code spans keep their words, markup goes. */
function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if ("tokens" in t && t.tokens) return plain(t.tokens);
      if (t.type === "br") return " ";
      if (t.type === "html") return "";
      return "text" in t ? t.text : "";
    })
    .join("");
}

function walk(tokens: Token[], out: BodyBuilder): void {
  for (const t of tokens) {
    switch (t.type) {
      case "heading":
        out.heading(plain(t.tokens));
        break;
      case "paragraph":
      case "text":
        out.paragraph(plain(t.tokens ?? [t]));
        break;
      case "code":
        out.paragraph(t.text);
        break;
      case "list":
        for (const item of t.items) walk(item.tokens, out);
        break;
      case "blockquote":
        walk(t.tokens ?? [], out);
        break;
      case "table":
        for (const row of [t.header, ...t.rows])
          out.paragraph(row.map((c: { tokens: Token[] }) => plain(c.tokens)).join(" | "));
        break;
    }
  }
}

/** Markdown: headings become sections, paragraphs, list items and code blocks become paragraphs. */
export function parseMarkdown(bytes: Uint8Array): DocumentBody {
  const out = new BodyBuilder();
  walk(new Lexer().lex(parseTxt(bytes)), out);
  return out.build();
}
