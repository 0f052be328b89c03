import { adminOnly } from "../preconditions/admin-only.js";
import { renderGaps } from "../render/gaps.js";
import { NOTICES } from "../render/notices.js";
import { notice } from "../render/page.js";
import { sendPages } from "../reply.js";
import type { Command } from "./command.js";
import { gapsCommand } from "./definitions.js";

export const gaps: Command = {
  name: gapsCommand.name,
  queued: false,
  preconditions: [adminOnly],
  ephemeral: () => true,
  async run(i, ctx) {
    await sendPages(i, ctx.gaps ? renderGaps(await ctx.gaps()) : [notice(NOTICES.noGapReport)]);
  },
};
