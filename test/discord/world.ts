import { randomBytes } from "node:crypto";
import {
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  PermissionFlagsBits,
} from "discord.js";

/**
 * The little Discord world the stand-in serves: one guild with two text channels, an admin role,
 * a bot and some users; and builders for the gateway payloads a real Discord would send.
 */

export const BOT_ID = "1100000000000000001";
export const GUILD_ID = "1200000000000000001";
export const CHANNELS = { general: "1300000000000000001", random: "1300000000000000002" } as const;
export const DM_CHANNEL = "1300000000000000099";
export const ADMIN_ROLE = "1400000000000000001";

/** Shaped like a real token (base64 bot id . timestamp . hmac) so config validation and id decoding work. */
export const BOT_TOKEN = `${Buffer.from(BOT_ID).toString("base64url")}.GfakeT.${"x".repeat(27)}`;

let counter = 0n;
/** Unique snowflakes, increasing like Discord's. */
export function snowflake(): string {
  counter += 1n;
  return (1500000000000000000n + counter).toString();
}

export function user(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: "0",
    global_name: username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export const BOT_USER = user(BOT_ID, "Footnote", true);

/** Permissions of an ordinary member; admins get Manage Server on top. */
const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

export interface Member {
  user: APIUser;
  roles?: string[];
  manageGuild?: boolean;
}

function guildMember({ user: u, roles = [], manageGuild = false }: Member) {
  return {
    user: u,
    roles,
    permissions: String(MEMBER_PERMISSIONS | (manageGuild ? PermissionFlagsBits.ManageGuild : 0n)),
    joined_at: "2024-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
  };
}

const textChannel = (id: string, name: string, position: number) => ({
  id,
  type: ChannelType.GuildText,
  guild_id: GUILD_ID,
  name,
  position,
  permission_overwrites: [],
  parent_id: null,
  nsfw: false,
  topic: null,
});

export function guildCreate(members: APIUser[]) {
  return {
    id: GUILD_ID,
    name: "Footnote Test Server",
    icon: null,
    owner_id: "1000000000000000009",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: "en-US",
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      {
        id: GUILD_ID,
        name: "@everyone",
        permissions: String(MEMBER_PERMISSIONS),
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      {
        id: ADMIN_ROLE,
        name: "Librarian",
        permissions: String(MEMBER_PERMISSIONS),
        position: 1,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    joined_at: "2024-01-01T00:00:00.000Z",
    large: false,
    unavailable: false,
    member_count: members.length + 1,
    voice_states: [],
    members: [BOT_USER, ...members].map((u) => guildMember({ user: u })),
    channels: [textChannel(CHANNELS.general, "general", 0), textChannel(CHANNELS.random, "random", 1)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function ready(sessionId: string, resumeUrl: string) {
  return {
    v: 10,
    user: { ...BOT_USER, verified: true, mfa_enabled: false, flags: 0 },
    guilds: [{ id: GUILD_ID, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: BOT_ID, flags: 0 },
  };
}

export interface Where {
  /** A guild channel or thread id; omit for a DM. */
  channelId?: string;
  /** The parent of `channelId` when it is a thread. */
  parentId?: string;
}

function interactionBase(member: Member, where: Where) {
  const token = `itok_${randomBytes(24).toString("base64url")}`;
  const common = {
    id: snowflake(),
    application_id: BOT_ID,
    token,
    version: 1 as const,
    app_permissions: String(MEMBER_PERMISSIONS | PermissionFlagsBits.EmbedLinks),
    locale: "en-US" as const,
    entitlements: [],
    attachment_size_limit: 8_388_608,
  };
  if (!where.channelId) {
    return {
      ...common,
      user: member.user,
      channel_id: DM_CHANNEL,
      channel: {
        id: DM_CHANNEL,
        type: ChannelType.DM,
        recipients: [member.user],
        last_message_id: null,
        flags: 0,
      },
      authorizing_integration_owners: { "0": GUILD_ID },
      context: InteractionContextType.BotDM,
    };
  }
  const thread = where.parentId !== undefined;
  return {
    ...common,
    guild_id: GUILD_ID,
    guild_locale: "en-US" as const,
    guild: { id: GUILD_ID, locale: "en-US", features: [] },
    channel_id: where.channelId,
    channel: {
      id: where.channelId,
      type: thread ? ChannelType.PublicThread : ChannelType.GuildText,
      guild_id: GUILD_ID,
      name: thread ? "thread" : "general",
      ...(thread ? { parent_id: where.parentId } : {}),
      permissions: String(MEMBER_PERMISSIONS),
      flags: 0,
    },
    member: guildMember(member),
    authorizing_integration_owners: { "0": GUILD_ID },
    context: InteractionContextType.Guild,
  };
}

export type SlashOption = string | boolean;

/** INTERACTION_CREATE for a slash command with string/boolean options. */
export function slashCommand(
  name: string,
  options: Record<string, SlashOption>,
  member: Member,
  where: Where = { channelId: CHANNELS.general },
): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(member, where),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      ...(where.channelId ? { guild_id: GUILD_ID } : {}),
      options: Object.entries(options).map(([n, value]) =>
        typeof value === "boolean"
          ? { name: n, type: ApplicationCommandOptionType.Boolean, value }
          : { name: n, type: ApplicationCommandOptionType.String, value },
      ),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** INTERACTION_CREATE for a click on a button of a message the bot sent. */
export function buttonClick(
  customId: string,
  message: APIMessage,
  member: Member,
): APIMessageComponentButtonInteraction {
  const where = message.channel_id === DM_CHANNEL ? {} : { channelId: message.channel_id };
  return {
    ...interactionBase(member, where),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}

/**
 * MESSAGE_CREATE for a user's message; `mentions` lists users it mentions (as Discord resolves
 * them). In DM_CHANNEL it is a DM; in any other unknown channel, a message in a thread.
 */
export function userMessage(content: string, author: APIUser, channelId: string, mentions: APIUser[] = []) {
  const dm = channelId === DM_CHANNEL;
  const known: string[] = Object.values(CHANNELS);
  return {
    id: snowflake(),
    channel_id: channelId,
    channel_type: dm
      ? ChannelType.DM
      : known.includes(channelId)
        ? ChannelType.GuildText
        : ChannelType.PublicThread,
    ...(dm
      ? {}
      : {
          guild_id: GUILD_ID,
          member: { roles: [], joined_at: "2024-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 },
        }),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: content.includes("@everyone"),
    mentions,
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}
