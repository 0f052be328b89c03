import { setTimeout as sleep } from "node:timers/promises";
import { FakeDiscord, type RecordedCall } from "./fake-discord.js";
import { CHANNELS, slashCommand, user } from "./world.js";

/**
 * The Discord side of `npm run bench:bot`, in its own process as Discord is: the loopback
 * stand-in, and a burst of /ask from many users fired on command. It reports, per interaction,
 * how long the acknowledgement took (Discord's own clock: dispatch → callback received) and what
 * came of it. Talks to the parent over IPC: sends { apiUrl }, takes { burst }, sends { outcomes }.
 */
export interface Burst {
  asks: number;
  users: number;
  seconds: number;
  questions: string[];
  /** Stop waiting for answers after this long. */
  timeoutMs: number;
}

export type Outcome = {
  ackMs?: number;
  answerMs?: number;
  kind: "answered" | "busy" | "rate-limited" | "other notice" | "deferred, never answered" | "lost";
};

const CALLBACK = "POST /interactions/:id/:token/callback";

async function fire(fake: FakeDiscord, burst: Burst): Promise<Outcome[]> {
  const members = Array.from({ length: burst.users }, (_, i) => ({
    user: user(String(1_000_000_000_000_000_000n + BigInt(i)), `user${i}`),
  }));
  const sent: { token: string; at: number }[] = [];
  const start = Date.now();
  for (let i = 0; i < burst.asks; i++) {
    const due = start + (i * burst.seconds * 1000) / burst.asks;
    if (due > Date.now()) await sleep(due - Date.now());
    const payload = slashCommand(
      "ask",
      { question: burst.questions[i % burst.questions.length] as string },
      members[i % burst.users] as (typeof members)[0],
      { channelId: CHANNELS.general },
    );
    sent.push({ token: payload.token, at: Date.now() });
    fake.interact(payload);
  }
  const callsOf = (token: string) => fake.calls.filter((c) => c.params.token === token);
  const isFinal = (c: RecordedCall) =>
    c.route.startsWith("PATCH /webhooks") && c.status < 300 && c.body?.embeds?.length;
  const settled = (calls: RecordedCall[]) => {
    const ack = calls.find((c) => c.route === CALLBACK);
    return !!ack && (ack.status >= 300 || ack.body?.type === 4 || calls.some(isFinal));
  };
  const deadline = Date.now() + burst.timeoutMs;
  while (Date.now() < deadline && !sent.every((s) => settled(callsOf(s.token)))) await sleep(200);
  return sent.map((s): Outcome => {
    const calls = callsOf(s.token);
    const ack = calls.find((c) => c.route === CALLBACK && c.status < 300);
    if (!ack) return { kind: "lost" };
    const final = calls.find(isFinal);
    const notice: string = ack.body?.type === 4 ? (ack.body.data?.content ?? "") : "";
    const kind: Outcome["kind"] =
      ack.body?.type === 5
        ? final
          ? "answered"
          : "deferred, never answered"
        : /^I'm answering a lot/.test(notice)
          ? "busy"
          : /^You're asking faster/.test(notice)
            ? "rate-limited"
            : "other notice";
    return { ackMs: ack.at - s.at, ...(final ? { answerMs: final.at - s.at } : {}), kind };
  });
}

const fake = await FakeDiscord.start();
process.send?.({ apiUrl: fake.apiUrl });
process.on("message", (msg: { burst?: Burst }) => {
  if (!msg.burst) return;
  fire(fake, msg.burst).then((outcomes) => process.send?.({ outcomes }));
});
process.on("disconnect", () => void fake.close().then(() => process.exit(0)));
