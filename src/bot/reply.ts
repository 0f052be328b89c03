import {
  type BaseMessageOptions,
  type MessageCreateOptions,
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

/** After deferReply: the first page replaces "thinking…", the rest follow with the same visibility. */
export async function sendPages(i: RepliableInteraction, pages: Page[]): Promise<void> {
  const [first, ...rest] = pages;
  if (!first) return;
  await i.editReply(toMessage(first));
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

/** What the message path needs of a channel, thread or DM. */
export interface Sendable {
  send(options: MessageCreateOptions): Promise<unknown>;
  sendTyping(): Promise<unknown>;
}

export async function sendToChannel(channel: Sendable, pages: Page[]): Promise<void> {
  for (const page of pages) await channel.send(toMessage(page));
}
