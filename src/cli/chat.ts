import { createInterface } from "node:readline/promises";
import type { Engine } from "../engine.js";
import { stripDiscordMarkup } from "../text/markup.js";
import { formatAnswer, formatCheck, sourceLine } from "./format.js";

export interface ChatOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const PROMPT = "> ";

/**
 * The terminal chat: the same answers as the bot, with the conversation's earlier questions as
 * context for follow-ups ("and in 2019?"). A prompt shows when it is ready for the next line.
 * Ends on /quit, Ctrl-D or the end of the input.
 */
export async function runChat(engine: Engine, options: ChatOptions = {}): Promise<void> {
  const output = options.output ?? process.stdout;
  const rl = createInterface({ input: options.input ?? process.stdin, output, terminal: false });
  const history: string[] = [];
  const say = (s: string) => output.write(`${s}\n`);
  const commands = [
    "/source <passage id>   the whole passage (ids are shown with each source)",
    "/check <claim>         fact-check a claim against the books",
    "/new                   start a new conversation",
    "/quit                  leave",
  ];
  const usage = (line: string) => `usage: ${line.split("   ")[0]?.trim()}`;
  say("Ask a question about the books (follow-ups keep the context). Commands:");
  for (const c of commands) say(`  ${c}`);
  output.write(PROMPT);
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "/quit" || line === "/exit") break;
    const [command = "", ...rest] = line.split(/\s+/);
    const arg = rest.join(" ");
    try {
      if (!line) {
        // Nothing asked: just the prompt again.
      } else if (command === "/new") {
        history.length = 0;
        say("(new conversation)");
      } else if (command === "/help") {
        for (const c of commands) say(`  ${c}`);
      } else if (command === "/source") {
        if (!arg) say(usage(commands[0] as string));
        else {
          const p = await engine.passage(arg.replace(/^`|`$/g, ""));
          say(
            p
              ? `${sourceLine({ ...p.chunk, page: p.chunk.pageStart })} (passage ${p.chunk.id})\n\n${p.chunk.text}`
              : `No passage has the id ${arg}. Ids are shown with each source, e.g. (passage 0123abcd4567ef89).`,
          );
        }
      } else if (command === "/check") {
        const claim = stripDiscordMarkup(arg);
        if (!claim) say(usage(commands[1] as string));
        else say(formatCheck(await engine.check(claim)));
      } else if (/^\/[A-Za-z]/.test(command)) {
        say(`Unknown command ${command}. Commands:`);
        for (const c of commands) say(`  ${c}`);
      } else {
        const question = stripDiscordMarkup(line);
        if (question) {
          await askStreaming(engine, question, history, output);
          history.push(question);
        }
      }
    } catch (err) {
      say(`Sorry, that failed: ${(err as Error).message}`);
    }
    output.write(PROMPT);
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
