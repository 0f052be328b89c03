import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Answerer } from "../../src/answer/answerer.js";
import type { LlmConfig } from "../../src/answer/llm-client.js";
import type { Answer, SearchHit, SearchResult } from "../../src/types.js";

/** Passages copied from the seed books (sentences as printed, footnote markers removed). */
export const CIS_TRADE =
  "The Republic of Belarus has consistently advocated strengthening the economic potential of this " +
  "association of post-Soviet countries and expanding their trade and production ties in order to " +
  'consolidate the positive dynamics observed in the CIS: "Mutual trade within the CIS continues to grow. ' +
  'Last year [2017], trade totalled USD 164 billion, an increase of 25%". In the first seven months of ' +
  '2018, "the value of mutual trade increased by 15% ($102 billion) compared to the previous year", and ' +
  "the year-end figures show a 20% increase in mutual trade among CIS member states.";

export const CIS_PRESIDENCY =
  "The presidency of the Republic of Belarus in the Commonwealth of Independent States (CIS), which is " +
  "based on the principles of continuity and aims to implement the long-term elements of the development " +
  "strategy of this integration association in the post-Soviet space in various fields, will end in 2022. " +
  "The result of this work should be the signing of this document in May 2022. Its particular relevance " +
  "lies in the fact that trade in services today accounts for about half of the gross product of the CIS " +
  "countries.";

export const UNION_STATE =
  "Strategic cooperation between the Republic of Belarus and the Russian Federation is comprehensive and " +
  "multidimensional today. In September 2021 the Council of Ministers of the Union State of Belarus and " +
  "Russia approved the guidelines for implementation of the provisions of the Treaty on the Union State " +
  "for 2021-2023 and 28 Union State programs aimed to undertake large-scale tasks to strengthen the " +
  "Belarusian-Russian integration, to deepen industrial cooperation.";

export function hit(text: string, i: number, doc = `00${i}_seed.txt`): SearchHit {
  return {
    chunk: {
      id: `chunk-${i}`,
      doc,
      title: `Book ${i}`,
      section: `Section ${i}`,
      pageStart: 10 + i,
      pageEnd: 11 + i,
      start: 0,
      end: text.length,
      text,
      pageBreaks: [],
      footnotes: [],
    },
    score: 1 - i / 10,
    duplicates: [],
  };
}

/** Three real passages, most relevant first: [1] CIS trade, [2] Union State, [3] CIS presidency. */
export function searchResult(query: string, texts = [CIS_TRADE, UNION_STATE, CIS_PRESIDENCY]): SearchResult {
  return { query, found: true, hits: texts.map((t, i) => hit(t, i + 1)) };
}

/** Deterministic stand-in for the extractive answerer: quotes the first hit's first sentence. */
export const extractive: Answerer = {
  mode: "extractive",
  async answer(question, result): Promise<Answer> {
    const first = result.hits[0];
    const quote = first?.chunk.text.split(". ")[0] ?? "";
    return {
      question,
      found: result.found,
      answer: `EXTRACTIVE: ${quote}`,
      citations: [],
      mode: "extractive",
    };
  },
};

export type Behaviour = "reply" | "500" | "429" | "hang" | "cut";

export interface RecordedRequest {
  headers: IncomingMessage["headers"];
  body: {
    model: string;
    max_tokens: number;
    stream: boolean;
    messages: { role: string; content: string }[];
  };
}

/**
 * A chat-completions server on 127.0.0.1 that answers `reply`, as one JSON body or as SSE in
 * small, awkwardly framed pieces (CRLF, comments, events split mid-line).
 */
export class FakeLlm {
  behaviour: Behaviour = "reply";
  reply = "";
  /** Characters of the reply per SSE event. */
  chunkChars = 12;
  /** Pause in the middle of each SSE event, so a reply can also stream slowly. */
  eventPauseMs = 1;
  readonly requests: RecordedRequest[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  config(overrides: Partial<LlmConfig> = {}): LlmConfig {
    return {
      baseUrl: this.baseUrl,
      model: "test-model",
      timeoutMs: 2_000,
      maxTokens: 256,
      contextTokens: 3_000,
      ...overrides,
    };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as RecordedRequest["body"];
    this.requests.push({ headers: req.headers, body });
    if (req.url !== "/v1/chat/completions") return void res.writeHead(404).end();
    switch (this.behaviour) {
      case "500":
        return void res
          .writeHead(500, { "content-type": "application/json" })
          .end('{"error":{"message":"boom"}}');
      case "429":
        return void res.writeHead(429, { "retry-after": "7" }).end("slow down");
      case "hang":
        return; // never answers; the client's timeout must fire
    }
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(
        JSON.stringify({ choices: [{ message: { role: "assistant", content: this.reply } }] }),
      );
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(": keep-alive comment\r\n\r\n");
    const pieces = this.reply.match(new RegExp(`.{1,${this.chunkChars}}`, "gs")) ?? [];
    const half = Math.ceil(pieces.length / 2);
    for (const [i, piece] of pieces.entries()) {
      if (this.behaviour === "cut" && i === half) return void res.socket?.destroy();
      const event = `data: ${JSON.stringify({ choices: [{ delta: { content: piece }, finish_reason: null }] })}\r\n\r\n`;
      // Split each event mid-line across two writes (and usually two TCP reads).
      const mid = Math.floor(event.length / 2);
      res.write(event.slice(0, mid));
      await new Promise((r) => setTimeout(r, this.eventPauseMs));
      res.write(event.slice(mid));
    }
    res.write(`data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: "stop" }] })}\n\n`);
    res.end("data: [DONE]\n\n");
  }
}
