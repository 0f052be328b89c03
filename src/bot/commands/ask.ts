import { answerLive } from "../context.js";
import { rateLimit } from "../preconditions/rate-limit.js";
import { liveInteraction } from "../reply.js";
import type { Command } from "./command.js";
import { askCommand } from "./definitions.js";

export const ask: Command = {
  name: askCommand.name,
  preconditions: [rateLimit],
  ephemeral: (i) => i.options.getBoolean("private") ?? false,
  async run(i, ctx) {
    await answerLive(ctx, i.options.getString("question", true), { topK: ctx.topK }, liveInteraction(i));
  },
};
