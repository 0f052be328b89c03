import type { ChatInputCommandInteraction } from "discord.js";
import { stripDiscordMarkup } from "../../text/markup.js";
import type { BotContext } from "../context.js";
import type { Precondition } from "../preconditions/precondition.js";

export interface Command {
  name: string;
  /** Checked after dm-allowed and allowed-channel, before the reply is deferred. */
  preconditions: readonly Precondition[];
  /** Searches the books: takes a place in the bot's work queue (or gets a "busy" notice). */
  queued: boolean;
  ephemeral(i: ChatInputCommandInteraction): boolean;
  /** Runs after deferReply; answers with sendPages. */
  run(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
}

/** A question or claim as typed, without Discord markup (mentions, @everyone, custom emoji). */
export const questionOption = (i: ChatInputCommandInteraction, name: string): string =>
  stripDiscordMarkup(i.options.getString(name, true));
