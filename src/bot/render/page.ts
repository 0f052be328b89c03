import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from "discord.js";
import { LIMITS } from "./limits.js";
import { splitText, truncate } from "./split.js";

/** One Discord message's worth of output. Rendering produces pages; transports send them. */
export interface Page {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
}

export const COLORS = { found: 0x3b82f6, notFound: 0x9ca3af, ok: 0x22c55e, bad: 0xef4444 } as const;

/** Characters Discord counts toward the 6000 total of an embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export function field(name: string, value: string, inline = false): APIEmbedField {
  return {
    name: truncate(name, LIMITS.fieldName) || "\u200b",
    value: truncate(value, LIMITS.fieldValue) || "\u200b",
    inline,
  };
}

export interface EmbedLayout {
  title: string;
  color: number;
  text: string;
  fields?: APIEmbedField[];
  footer?: string;
  /** Title of the extra embed that carries the fields when they do not fit beside the text. */
  fieldsTitle?: string;
}

/** Groups fields, in order, so each group stays within 25 fields and `budget` characters. */
function packFields(fields: APIEmbedField[], budget: number): APIEmbedField[][] {
  const groups: APIEmbedField[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const f of fields) {
    const len = f.name.length + f.value.length;
    const current = groups.at(-1);
    if (!current || current.length >= LIMITS.fields || size + len > budget) {
      groups.push([f]);
      size = len;
    } else {
      current.push(f);
      size += len;
    }
  }
  return groups;
}

/**
 * Lays text and fields out as one embed per page: the text split on prose boundaries into
 * descriptions, the fields on the last page when the 6000 total allows, else on pages of their
 * own. Fields are kept whole; callers size them (quotes trimmed) beforehand.
 */
export function layoutEmbeds(layout: EmbedLayout): APIEmbed[] {
  const title = truncate(layout.title, LIMITS.title);
  const fieldsTitle = truncate(layout.fieldsTitle ?? title, LIMITS.title);
  const footer = layout.footer ? { text: truncate(layout.footer, LIMITS.footer) } : undefined;
  const embeds: APIEmbed[] = splitText(layout.text, LIMITS.description).map((description, i) => ({
    color: layout.color,
    description,
    ...(i === 0 ? { title } : {}),
  }));
  const reserved = fieldsTitle.length + (footer?.text.length ?? 0);
  const groups = packFields(layout.fields ?? [], LIMITS.embedTotal - reserved);
  const last = embeds.at(-1);
  const [only] = groups;
  if (last && groups.length <= 1 && embedLength({ ...last, fields: only, footer }) <= LIMITS.embedTotal) {
    Object.assign(last, only ? { fields: only } : {}, footer ? { footer } : {});
  } else {
    for (const fields of groups) embeds.push({ color: layout.color, title: fieldsTitle, fields });
    const end = embeds.at(-1);
    if (end && footer) end.footer = footer;
  }
  return embeds;
}

/** One page per embed; the components go under the last page. */
export function toPages(embeds: APIEmbed[], components?: Page["components"]): Page[] {
  return embeds.map((embed, i) => ({
    embeds: [embed],
    ...(components && i === embeds.length - 1 ? { components } : {}),
  }));
}

/** A short text-only page (notices, refusals). */
export function notice(text: string): Page {
  return { content: truncate(text, LIMITS.content), embeds: [] };
}
