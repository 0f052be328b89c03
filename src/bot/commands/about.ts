import { renderAbout } from "../render/about.js";
import { sendPages } from "../reply.js";
import type { Command } from "./command.js";
import { aboutCommand } from "./definitions.js";

export const about: Command = {
  name: aboutCommand.name,
  queued: false,
  preconditions: [],
  ephemeral: () => false,
  async run(i, ctx) {
    await sendPages(i, renderAbout(ctx.engine.about()));
  },
};
