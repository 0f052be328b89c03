import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import type { Precondition } from "../preconditions/precondition.js";

export interface Command {
  name: string;
  /** Checked after dm-allowed and allowed-channel, before the reply is deferred. */
  preconditions: readonly Precondition[];
  ephemeral(i: ChatInputCommandInteraction): boolean;
  /** Runs after deferReply; answers with sendPages. */
  run(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
}
