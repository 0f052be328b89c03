import { rateLimit } from "../preconditions/rate-limit.js";
import { renderFactCheck } from "../render/factcheck.js";
import { sendPages } from "../reply.js";
import type { Command } from "./command.js";
import { factcheckCommand } from "./definitions.js";

export const factcheck: Command = {
  name: factcheckCommand.name,
  preconditions: [rateLimit],
  ephemeral: () => false,
  async run(i, ctx) {
    const claim = i.options.getString("claim", true);
    await sendPages(i, renderFactCheck(await ctx.engine.check(claim)));
  },
};
