import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";

/** The slash commands as Discord registers them; the handlers live in one file per command. */

const everywhere = [InteractionContextType.Guild, InteractionContextType.BotDM];

export const askCommand = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask a question; the answer cites the books (book, section, page, quote).")
  .setContexts(everywhere)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addStringOption((o) =>
    o.setName("question").setDescription("Your question").setRequired(true).setMaxLength(1000),
  )
  .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer"));

export const factcheckCommand = new SlashCommandBuilder()
  .setName("factcheck")
  .setDescription("Check a claim against the books: supported, contradicted or not found.")
  .setContexts(everywhere)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addStringOption((o) =>
    o.setName("claim").setDescription("The claim to check").setRequired(true).setMaxLength(1000),
  );

export const sourceCommand = new SlashCommandBuilder()
  .setName("source")
  .setDescription("Show a whole passage with its context and footnotes.")
  .setContexts(everywhere)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addStringOption((o) =>
    o.setName("id").setDescription("Chunk id, as shown under a source").setRequired(true).setMaxLength(128),
  );

// No default_member_permissions: the bot checks admin roles itself, so configured roles work
// without server settings, and everyone else gets a polite refusal rather than a hidden command.
export const reindexCommand = new SlashCommandBuilder()
  .setName("reindex")
  .setDescription("Re-read the books and rebuild the index (admins only).")
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

// Like /reindex, for admins; the bot checks the role itself.
export const gapsCommand = new SlashCommandBuilder()
  .setName("gaps")
  .setDescription("What people asked that the books could not answer, by topic (admins only).")
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

export const aboutCommand = new SlashCommandBuilder()
  .setName("about")
  .setDescription("Which books Footnote answers from, and how its index was built.")
  .setContexts(everywhere)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  askCommand,
  factcheckCommand,
  sourceCommand,
  reindexCommand,
  gapsCommand,
  aboutCommand,
].map((c) => c.toJSON());
