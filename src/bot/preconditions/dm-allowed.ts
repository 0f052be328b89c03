import { NOTICES } from "../render/notices.js";
import { OK, type Precondition } from "./precondition.js";

/** DMs are answered only when DISCORD_ALLOW_DMS is on. */
export const dmAllowed: Precondition = (inv, { config }) =>
  inv.guildId !== null || config.allowDMs ? OK : { ok: false, reason: "dms-off", message: NOTICES.dmsOff };
