import type { APIInteractionGuildMember, GuildMember, Message, RepliableInteraction } from "discord.js";
import type { Invocation } from "./preconditions/precondition.js";

function roleIds(member: GuildMember | APIInteractionGuildMember | null): string[] {
  if (!member) return [];
  // An uncached guild gives the raw API member, whose roles are plain ids.
  return Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
}

export function fromInteraction(i: RepliableInteraction): Invocation {
  return {
    userId: i.user.id,
    guildId: i.guildId,
    channelId: i.channelId ?? "",
    parentId: i.channel?.isThread() ? i.channel.parentId : null,
    roles: roleIds(i.member),
    permissions: i.memberPermissions,
  };
}

export function fromMessage(m: Message): Invocation {
  return {
    userId: m.author.id,
    guildId: m.guildId,
    channelId: m.channelId,
    parentId: m.channel.isThread() ? m.channel.parentId : null,
    roles: roleIds(m.member),
    permissions: m.member?.permissions ?? null,
  };
}
