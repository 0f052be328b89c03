import { answerLive } from "../context.js";
import { rateLimit } from "../preconditions/rate-limit.js";
import { NOTICES } from "../render/notices.js";
import { notice } from "../render/page.js";
import { liveInteraction, sendPages } from "../reply.js";
import { type Command, questionOption } from "./command.js";
import { askCommand } from "./definitions.js";

export const ask: Command = {
  name: askCommand.name,
  queued: true,
  preconditions: [rateLimit],
  ephemeral: (i) => i.options.getBoolean("private") ?? false,
  async run(i, ctx) {
    const question = questionOption(i, "question");
    if (!question) return sendPages(i, [notice(NOTICES.emptySlashQuestion)]);
    await answerLive(ctx, { question, userId: i.user.id }, liveInteraction(i));
  },
};
