import { answerJson, formatAnswer } from "../src/cli/format.js";
import { parseCliArgs, runCli, UsageError } from "../src/cli/run.js";
import { openEngine } from "../src/open.js";
import { stripDiscordMarkup } from "../src/text/markup.js";

const USAGE = 'npm run ask -- [--json] [--k N] "question"';

await runCli(async (config) => {
  const { values, positionals } = parseCliArgs(
    process.argv.slice(2),
    { json: { type: "boolean" }, k: { type: "string" } },
    USAGE,
    [
      "Answers a question from the indexed books, with its sources (book, section, page, quote, passage id).",
      "",
      "  --json   print {question, found, answer, mode, note?, citations: [{n, doc, title, section, page, quote, chunkId, score, url?}]}",
      "  --k N    sources to consider (1–50, default SEARCH_TOP_K)",
    ],
  );
  // A question pasted from Discord may hold mentions or emoji; they are not part of it.
  const question = stripDiscordMarkup(positionals.join(" "));
  if (!question) throw new UsageError(`Ask a question.\nusage: ${USAGE}`);
  if (question.length > 2000) throw new UsageError("The question is longer than 2000 characters.");
  const topK = values.k === undefined ? undefined : Number(values.k);
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 1 && topK <= 50)) {
    throw new UsageError("--k must be a whole number from 1 to 50.");
  }
  const engine = await openEngine(config);
  try {
    const answer = await engine.ask(question, { topK });
    process.stdout.write(
      values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${formatAnswer(answer)}\n`,
    );
  } finally {
    await engine.close();
  }
});
