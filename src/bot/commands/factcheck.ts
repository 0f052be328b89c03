import { rateLimit } from "../preconditions/rate-limit.js";
import { renderClosestPassages, renderFactCheck } from "../render/factcheck.js";
import { sendPages } from "../reply.js";
import type { Command } from "./command.js";
import { factcheckCommand } from "./definitions.js";

export const factcheck: Command = {
  name: factcheckCommand.name,
  preconditions: [rateLimit],
  ephemeral: () => false,
  async run(i, ctx) {
    const claim = i.options.getString("claim", true);
    await sendPages(
      i,
      ctx.factcheck
        ? renderFactCheck(await ctx.factcheck(claim))
        : renderClosestPassages(claim, await ctx.engine.search(claim, { topK: ctx.topK })),
    );
  },
};
