import { adminOnly } from "../preconditions/admin-only.js";
import { renderReindex } from "../render/about.js";
import { sendPages } from "../reply.js";
import type { Command } from "./command.js";
import { reindexCommand } from "./definitions.js";

export const reindex: Command = {
  name: reindexCommand.name,
  queued: false,
  preconditions: [adminOnly],
  ephemeral: () => true,
  async run(i, ctx) {
    const started = Date.now();
    // Concurrent /reindex calls share the one running rebuild.
    ctx.reindexing ??= ctx.reindex().finally(() => {
      ctx.reindexing = undefined;
    });
    const summary = await ctx.reindexing;
    ctx.logger.info({ summary, ms: Date.now() - started }, "reindex finished");
    await sendPages(i, renderReindex(summary, Date.now() - started));
  },
};
