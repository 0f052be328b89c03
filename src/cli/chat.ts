import { createInterface } from "node:readline/promises";
import type { Engine } from "../engine.js";
import { formatAnswer } from "./format.js";

export interface ChatOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Fact-checker for `/check <claim>`; omitted → the command is not offered. */
  check?: (claim: string) => Promise<{ verdict: string; explanation: string }>;
}

/**
 * The terminal chat: the same answers as the bot, with the conversation's earlier questions as
 * context for follow-ups ("and in 2019?"). Ends on /quit, Ctrl-D or the end of the input.
 */
export async function runChat(engine: Engine, options: ChatOptions = {}): Promise<void> {
  const output = options.output ?? process.stdout;
  const rl = createInterface({ input: options.input ?? process.stdin, output, terminal: false });
  const history: string[] = [];
  const say = (s: string) => output.write(`${s}\n`);
  say(
    `Ask a question about the corpus. Commands: /source <id>${options.check ? ", /check <claim>" : ""}, /new, /quit.`,
  );
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    if (line === "/quit" || line === "/exit") break;
    try {
      if (line === "/new") {
        history.length = 0;
        say("(new conversation)");
      } else if (line.startsWith("/source ")) {
        const p = engine.passage(line.slice(8).trim());
        say(
          p
            ? `${p.chunk.title} — ${p.chunk.section}, p. ${p.chunk.pageStart}\n\n${p.chunk.text}`
            : "No passage with that id.",
        );
      } else if (line.startsWith("/check ") && options.check) {
        const r = await options.check(line.slice(7).trim());
        say(`${r.verdict}: ${r.explanation}`);
      } else {
        const answer = await engine.ask(line, { history });
        history.push(line);
        say(`\n${formatAnswer(answer)}\n`);
      }
    } catch (err) {
      say(`Sorry, that failed: ${(err as Error).message}`);
    }
  }
  rl.close();
}
