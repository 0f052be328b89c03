import { Parser } from "htmlparser2";
import { BodyBuilder, type DocumentBody } from "./structured.js";
import { parseTxt } from "./txt.js";

const SECTION = new Set(["h1", "h2", "h3"]);
const SKIP = new Set(["script", "style", "noscript", "template"]);
/** Elements that end a paragraph: text in a <div> or <td> is kept too, not only in <p> and <li>. */
const BLOCK = new Set([
  ..."p li h4 h5 h6 div section article main aside header footer nav blockquote pre td th dt dd figcaption ul ol table tr hr".split(
    " ",
  ),
  ...SECTION,
]);

/** HTML (also mammoth's DOCX output): h1–h3 become sections, block elements paragraphs; scripts and styles go. */
export function parseHtmlString(html: string): DocumentBody {
  const out = new BodyBuilder();
  let buffer = "";
  let skipping = 0;
  let inTitle = false;
  let title = "";
  const flush = (tag?: string) => {
    if (tag && SECTION.has(tag)) out.heading(buffer);
    else out.paragraph(buffer);
    buffer = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title") inTitle = true;
        else if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (skipping === 0) buffer += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        else if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name)) flush(name);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const body = out.build();
  return { ...body, title: title.replace(/\s+/g, " ").trim() || body.title };
}

export function parseHtml(bytes: Uint8Array): DocumentBody {
  return parseHtmlString(parseTxt(bytes));
}
