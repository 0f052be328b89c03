import { NOTICES } from "../render/notices.js";
import { OK, type Precondition } from "./precondition.js";

/** An empty allowlist allows every channel; DMs are governed by dm-allowed instead. */
export const allowedChannel: Precondition = (inv, { config }) => {
  const allowed = config.allowedChannels;
  if (allowed.length === 0 || inv.guildId === null) return OK;
  if (allowed.includes(inv.channelId) || (inv.parentId !== null && allowed.includes(inv.parentId))) return OK;
  return { ok: false, reason: "channel-not-allowed", message: NOTICES.channelNotAllowed(allowed) };
};
