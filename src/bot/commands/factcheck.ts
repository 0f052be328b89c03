import { rateLimit } from "../preconditions/rate-limit.js";
import { renderFactCheck } from "../render/factcheck.js";
import { NOTICES } from "../render/notices.js";
import { notice } from "../render/page.js";
import { sendPages } from "../reply.js";
import { type Command, questionOption } from "./command.js";
import { factcheckCommand } from "./definitions.js";

export const factcheck: Command = {
  name: factcheckCommand.name,
  queued: true,
  preconditions: [rateLimit],
  ephemeral: () => false,
  async run(i, ctx) {
    const claim = questionOption(i, "claim");
    if (!claim) return sendPages(i, [notice(NOTICES.emptySlashQuestion)]);
    await sendPages(i, renderFactCheck(await ctx.engine.check(claim)));
  },
};
