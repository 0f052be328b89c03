import {
  type BaseMessageOptions,
  type MessageCreateOptions,
  type MessageEditOptions,
  MessageFlags,
  type MessageMentionOptions,
  type RepliableInteraction,
} from "discord.js";
import { NOTICES } from "./render/notices.js";
import { notice, type Page } from "./render/page.js";

/** Sent on every message: nothing the question or a passage contains may ping anyone. */
export const noMentions = (): MessageMentionOptions => ({ parse: [], repliedUser: false });

export function toMessage(page: Page): BaseMessageOptions {
  return {
    ...(page.content ? { content: page.content } : {}),
    embeds: page.embeds,
    components: page.components ?? [],
    allowedMentions: noMentions(),
  };
}

/** For an edit: whatever the message showed before (a partial answer) is replaced, content included. */
function toEdit(page: Page): BaseMessageOptions {
  return { ...toMessage(page), content: page.content ?? "" };
}

/** After deferReply: the first page replaces "thinking…" (or a partial answer), the rest follow with the same visibility. */
export async function sendPages(i: RepliableInteraction, pages: Page[]): Promise<void> {
  const [first, ...rest] = pages;
  if (!first) return;
  await i.editReply(toEdit(first));
  const flags = i.ephemeral ? MessageFlags.Ephemeral : undefined;
  for (const page of rest) await i.followUp({ ...toMessage(page), flags });
}

/** An immediate ephemeral reply, for refusals that need no defer. */
export async function replyEphemeral(i: RepliableInteraction, page: Page): Promise<void> {
  await i.reply({ ...toMessage(page), flags: MessageFlags.Ephemeral });
}

/**
 * Tells the user, ephemerally, that something failed — whatever state the interaction is in.
 * A public "thinking…" is removed so the channel is not left with a stuck placeholder.
 */
export async function replyFailure(i: RepliableInteraction): Promise<void> {
  const page = notice(NOTICES.error);
  if (!i.deferred && !i.replied) return replyEphemeral(i, page);
  if (i.deferred && !i.replied && i.ephemeral) {
    await i.editReply(toMessage(page));
    return;
  }
  if (i.deferred && !i.replied) await i.deleteReply();
  await i.followUp({ ...toMessage(page), flags: MessageFlags.Ephemeral });
}

/** A message the bot sent, as far as updating it goes. */
export interface Editable {
  edit(options: MessageEditOptions): Promise<unknown>;
}

/** What the message path needs of a channel, thread or DM. */
export interface Sendable {
  send(options: MessageCreateOptions): Promise<Editable>;
  sendTyping(): Promise<unknown>;
}

export async function sendToChannel(channel: Sendable, pages: Page[]): Promise<void> {
  for (const page of pages) await channel.send(toMessage(page));
}

/**
 * Where an answer appears while it is written: `show` puts the partial text in place, `finish`
 * replaces it with the rendered pages (or just sends them when nothing was shown).
 */
export interface LiveReply {
  show(content: string): Promise<unknown>;
  finish(pages: Page[]): Promise<void>;
}

const partial = (content: string) => ({ content, embeds: [], components: [], allowedMentions: noMentions() });

/** The deferred reply of an interaction, edited in place. */
export function liveInteraction(i: RepliableInteraction): LiveReply {
  return {
    show: (content) => i.editReply(partial(content)),
    finish: (pages) => sendPages(i, pages),
  };
}

/** A message in the channel `open` resolves to (opened on first use), sent once and then edited. */
export function liveChannel(open: () => Promise<Sendable>): LiveReply {
  let message: Editable | undefined;
  return {
    async show(content) {
      if (message) await message.edit(partial(content));
      else message = await (await open()).send(partial(content));
    },
    async finish(pages) {
      const [first, ...rest] = pages;
      if (!message || !first) return sendToChannel(await open(), pages);
      await message.edit(toEdit(first));
      await sendToChannel(await open(), rest);
    },
  };
}
