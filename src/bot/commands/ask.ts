import { presentAnswer } from "../context.js";
import { rateLimit } from "../preconditions/rate-limit.js";
import { sendPages } from "../reply.js";
import type { Command } from "./command.js";
import { askCommand } from "./definitions.js";

export const ask: Command = {
  name: askCommand.name,
  preconditions: [rateLimit],
  ephemeral: (i) => i.options.getBoolean("private") ?? false,
  async run(i, ctx) {
    const answer = await ctx.engine.ask(i.options.getString("question", true), { topK: ctx.topK });
    await sendPages(i, presentAnswer(ctx, answer));
  },
};
