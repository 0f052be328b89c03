import { PermissionFlagsBits } from "discord.js";
import { NOTICES } from "../render/notices.js";
import { OK, type Precondition } from "./precondition.js";

/** Members holding a configured admin role or the Manage Server permission (Administrator implies it). */
export const adminOnly: Precondition = (inv, { config }) => {
  if (inv.guildId !== null) {
    if (inv.roles.some((r) => config.adminRoles.includes(r))) return OK;
    if (inv.permissions?.has(PermissionFlagsBits.ManageGuild)) return OK;
  }
  return { ok: false, reason: "not-admin", message: NOTICES.notAdmin };
};
