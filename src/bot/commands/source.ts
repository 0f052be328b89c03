import { rateLimit } from "../preconditions/rate-limit.js";
import { NOTICES } from "../render/notices.js";
import { notice } from "../render/page.js";
import { renderPassage } from "../render/passage.js";
import { sendPages } from "../reply.js";
import type { Command } from "./command.js";
import { sourceCommand } from "./definitions.js";

export const source: Command = {
  name: sourceCommand.name,
  queued: false,
  preconditions: [rateLimit],
  ephemeral: () => false,
  async run(i, ctx) {
    const id = i.options.getString("id", true).trim().replace(/^`|`$/g, "");
    const passage = await ctx.engine.passage(id);
    await sendPages(i, passage ? renderPassage(passage) : [notice(NOTICES.notFoundPassage(id))]);
  },
};
