/** Short user-facing texts for refusals and failures; always sent ephemerally where Discord allows. */
export const NOTICES = {
  rateLimited: (retryAfterMs: number) =>
    `You're asking faster than I can keep up — please try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
  notAdmin: "Sorry, only server managers or members with a Footnote admin role can do that.",
  noGapReport: "The coverage-gap report is not available in this setup.",
  channelNotAllowed: (channels: readonly string[]) =>
    `I only answer in ${channels.map((c) => `<#${c}>`).join(", ")}. Please ask there.`,
  dmsOff: "I don't answer direct messages on this server's setup — please ask in a server channel.",
  error: "Sorry, something went wrong while answering. Please try again in a moment.",
  busy: (retryAfterMs: number) =>
    `I'm answering a lot of questions right now — please ask again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
  unknownCommand: (name: string) =>
    `I don't know the command /${name.replace(/[^\w-]/g, "").slice(0, 32)} — the command list may be out of date (an admin can run \`npm run register-commands\`). Try /ask.`,
  unsupported: "I can't handle this kind of interaction — please use /ask or /about.",
  expired: "This answer is too old for its buttons now — please ask again.",
  notFoundPassage: (id: string) =>
    `No passage has the id \`${id.replace(/`/g, "")}\`. Ids are shown under each source.`,
  emptyQuestion: "Mention me with a question, e.g. “@Footnote when was the Union State programme approved?”",
  emptySlashQuestion:
    "There is no question left once mentions and emoji are set aside — please type it in words.",
  vote: {
    recorded: "Thanks — your feedback was recorded.",
    changed: "Thanks — your vote on this answer was changed.",
    unchanged: "You already voted this way on this answer; it counts once.",
  },
  unknownButton:
    "I don't recognise this button — it may be from an older version of Footnote. Please ask again.",
} as const;
