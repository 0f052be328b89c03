import { createInterface } from "node:readline/promises";
import type { Engine } from "../engine.js";
import { formatAnswer, formatCheck } from "./format.js";

export interface ChatOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
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
  say("Ask a question about the corpus. Commands: /source <id>, /check <claim>, /new, /quit.");
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    if (line === "/quit" || line === "/exit") break;
    try {
      if (line === "/new") {
        history.length = 0;
        say("(new conversation)");
      } else if (line.startsWith("/source ")) {
        const p = await engine.passage(line.slice(8).trim());
        say(
          p
            ? `${p.chunk.title} — ${p.chunk.section}, p. ${p.chunk.pageStart}\n\n${p.chunk.text}`
            : "No passage with that id.",
        );
      } else if (line.startsWith("/check ")) {
        say(formatCheck(await engine.check(line.slice(7).trim())));
      } else {
        await askStreaming(engine, line, history, output);
        history.push(line);
      }
    } catch (err) {
      say(`Sorry, that failed: ${(err as Error).message}`);
    }
  }
  rl.close();
}

/**
 * Prints the answer, as the tokens arrive when the engine streams: only the new suffix each time,
 * then the rest of the formatted answer (sources). When the final answer does not continue what
 * was printed (the extractive fallback, with its note), it is printed whole below the partial text.
 */
async function askStreaming(
  engine: Engine,
  question: string,
  history: string[],
  output: NodeJS.WritableStream,
): Promise<void> {
  let printed = "";
  const print = (text: string) => {
    output.write(text.slice(printed.length));
    printed = text;
  };
  const answer = await engine.ask(question, {
    history,
    onToken: (partial) => {
      // Partial texts only grow; should one not, the final answer is printed whole instead.
      if (`\n${partial}`.startsWith(printed)) print(`\n${partial}`);
    },
  });
  const final = `\n${formatAnswer(answer)}\n\n`;
  if (final.startsWith(printed)) print(final);
  else output.write(`\n${final}`);
}
