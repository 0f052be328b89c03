import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIMessage, APIUser } from "discord.js";
import { type WebSocket, WebSocketServer } from "ws";
import { waitFor } from "../helpers/wait-for.js";
import { BOT_ID, BOT_TOKEN, BOT_USER, DM_CHANNEL, GUILD_ID, guildCreate, ready, snowflake } from "./world.js";

/**
 * A loopback Discord: the REST API under /api/v10 and a JSON gateway on the same port, enough for
 * the real discord.js client to log in, receive events and answer. It records every REST call
 * and can fail the next calls of a route with a 500 or a 429 (with Retry-After and the
 * X-RateLimit headers), so discord.js's own retry logic runs. Like Discord, it accepts an
 * interaction's callback only once and only within 3 s of dispatching the interaction
 * (later: 404 "Unknown interaction", code 10062), so a late acknowledgement is a lost one.
 */

/** Recorded JSON, inspected freely by tests. */
// biome-ignore lint/suspicious/noExplicitAny: payloads are arbitrary Discord JSON
export type Json = any;

export interface RecordedCall {
  method: string;
  /** Path after /api/v10, e.g. "/channels/1/messages". */
  path: string;
  /** The route template, e.g. "POST /channels/:channel/messages". */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** JSON body, or the payload_json of a multipart body. */
  body: Json;
  status: number;
  at: number;
}

export type Failure = { status: 500 } | { status: 429; retryAfter: number };

const ROUTES: [string, string, RegExp][] = [
  ["GET", "/gateway/bot", /^\/gateway\/bot$/],
  ["GET", "/users/@me", /^\/users\/@me$/],
  ["POST", "/interactions/:id/:token/callback", /^\/interactions\/(?<id>\d+)\/(?<token>[^/]+)\/callback$/],
  [
    "PATCH",
    "/webhooks/:app/:token/messages/@original",
    /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/@original$/,
  ],
  [
    "DELETE",
    "/webhooks/:app/:token/messages/@original",
    /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/@original$/,
  ],
  ["POST", "/webhooks/:app/:token", /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)$/],
  ["GET", "/channels/:channel", /^\/channels\/(?<channel>\d+)$/],
  ["POST", "/channels/:channel/messages", /^\/channels\/(?<channel>\d+)\/messages$/],
  [
    "PATCH",
    "/channels/:channel/messages/:message",
    /^\/channels\/(?<channel>\d+)\/messages\/(?<message>\d+)$/,
  ],
  [
    "POST",
    "/channels/:channel/messages/:message/threads",
    /^\/channels\/(?<channel>\d+)\/messages\/(?<message>\d+)\/threads$/,
  ],
  [
    "PUT",
    "/channels/:channel/messages/:message/reactions/:emoji/@me",
    /^\/channels\/(?<channel>\d+)\/messages\/(?<message>\d+)\/reactions\/(?<emoji>[^/]+)\/@me$/,
  ],
  [
    "DELETE",
    "/channels/:channel/messages/:message/reactions/:emoji/@me",
    /^\/channels\/(?<channel>\d+)\/messages\/(?<message>\d+)\/reactions\/(?<emoji>[^/]+)\/@me$/,
  ],
  ["POST", "/channels/:channel/typing", /^\/channels\/(?<channel>\d+)\/typing$/],
  ["PUT", "/applications/:app/commands", /^\/applications\/(?<app>\d+)\/commands$/],
  [
    "PUT",
    "/applications/:app/guilds/:guild/commands",
    /^\/applications\/(?<app>\d+)\/guilds\/(?<guild>\d+)\/commands$/,
  ],
];

/** Routes Discord authenticates with the interaction token instead of the bot token. */
const TOKEN_AUTH = /^\/(interactions|webhooks)\//;

/** Discord's window for the first response to an interaction. */
export const INTERACTION_WINDOW_MS = 3_000;
const CALLBACK = "POST /interactions/:id/:token/callback";

export interface FakeDiscordOptions {
  token?: string;
  /** Users present in the guild (besides the bot). */
  members?: APIUser[];
  heartbeatIntervalMs?: number;
}

export class FakeDiscord extends EventEmitter {
  readonly calls: RecordedCall[] = [];
  readonly identifies: Json[] = [];
  /** Query strings the gateway was opened with. */
  readonly gatewayQueries: Record<string, string>[] = [];
  /** When each gateway connection was opened (ms since the epoch). */
  readonly gatewayConnections: number[] = [];
  #refuseConnections = 0;
  heartbeats = 0;
  readonly closeCodes: number[] = [];
  /** Threads the bot started, by id. */
  readonly threads = new Map<string, { parentId: string; name: string }>();
  readonly #failures = new Map<string, Failure[]>();
  readonly #originals = new Map<string, APIMessage>();
  readonly #sockets = new Set<WebSocket>();
  #seq = 0;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #token: string;
  readonly #options: FakeDiscordOptions;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.setMaxListeners(500);
    this.#options = options;
    this.#token = options.token ?? BOT_TOKEN;
    this.#http = createServer((req, res) => void this.#onRequest(req, res));
    this.#wss = new WebSocketServer({ server: this.#http });
    this.#wss.on("connection", (ws, req) => this.#onGateway(ws, req));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.#http.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get origin(): string {
    return `127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
  }

  /** DISCORD_API_URL for the bot. */
  get apiUrl(): string {
    return `http://${this.origin}/api`;
  }

  /** The next `count` calls of `route` (a template such as "PATCH /webhooks/:app/:token/messages/@original") fail. */
  failNext(route: string, count: number, failure: Failure): void {
    this.#failures.set(route, [...(this.#failures.get(route) ?? []), ...Array(count).fill(failure)]);
  }

  /** Sends a gateway dispatch to every identified connection. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.#seq, d });
    for (const ws of this.#sockets) ws.send(frame);
  }

  /** Resolves with the first recorded call (past or future) that matches, or rejects after `timeoutMs`. */
  waitForCall(match: (call: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    return waitFor(this.calls, this, "call", match, timeoutMs, "Discord call");
  }

  async close(): Promise<void> {
    for (const ws of this.#sockets) ws.terminate();
    this.#wss.close();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  // --- gateway -------------------------------------------------------------------------------

  /** The next `count` gateway connections are closed at once with code 4000 (resumable). */
  refuseNextConnections(count: number): void {
    this.#refuseConnections += count;
  }

  /** Drops every open gateway connection with `code` (4000: "unknown error", the client resumes). */
  dropGateway(code = 4000): void {
    for (const ws of this.#sockets) ws.close(code, "dropped by the test");
  }

  #onGateway(ws: WebSocket, req: IncomingMessage): void {
    const query = Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams);
    this.gatewayQueries.push(query);
    this.gatewayConnections.push(Date.now());
    this.emit("gateway-open");
    if (this.#refuseConnections > 0) {
      this.#refuseConnections--;
      ws.close(4000, "refused by the test");
      return;
    }
    // Only uncompressed JSON is spoken here, as the bot is expected to request.
    if (query.encoding !== "json" || query.v !== "10" || query.compress) {
      ws.close(4012, "Invalid API version or encoding");
      return;
    }
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.#options.heartbeatIntervalMs ?? 1000 } }));
    ws.on("message", (raw) => this.#onFrame(ws, JSON.parse(String(raw))));
    ws.on("close", (code) => {
      this.#sockets.delete(ws);
      this.closeCodes.push(code);
      this.emit("gateway-close", code);
    });
  }

  #onFrame(ws: WebSocket, frame: { op: number; d: Json }): void {
    switch (frame.op) {
      case 1:
        this.heartbeats++;
        ws.send(JSON.stringify({ op: 11 }));
        break;
      case 2: {
        this.identifies.push(frame.d);
        if (frame.d.token !== this.#token) {
          ws.close(4004, "Authentication failed.");
          return;
        }
        this.#sockets.add(ws);
        this.dispatch("READY", ready(`session-${snowflake()}`, `ws://${this.origin}`));
        this.dispatch("GUILD_CREATE", guildCreate(this.#options.members ?? []));
        break;
      }
      case 6:
        this.#sockets.add(ws);
        this.dispatch("RESUMED", {});
        break;
    }
  }

  // --- REST ----------------------------------------------------------------------------------

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = url.pathname.replace(/^\/api\/v10/, "").replaceAll("%40", "@");
    const method = req.method ?? "GET";
    const matched = ROUTES.map(([m, template, re]) => ({ m, template, found: re.exec(path) })).find(
      (r) => r.m === method && r.found,
    );
    const route = matched ? `${method} ${matched.template}` : `${method} ${path}`;
    const call: RecordedCall = {
      method,
      path,
      route,
      params: Object.fromEntries(
        Object.entries(matched?.found?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
      ),
      query: Object.fromEntries(url.searchParams),
      body: await parseBody(raw, req.headers["content-type"]),
      status: 0,
      at: Date.now(),
    };
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.calls.push(call);
      res.writeHead(status, {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
      this.emit("call", call);
    };

    if (!TOKEN_AUTH.test(path) && req.headers.authorization !== `Bot ${this.#token}`) {
      return send(401, { message: "401: Unauthorized", code: 0 });
    }
    const failure = this.#failures.get(route)?.shift();
    if (failure?.status === 500) return send(500, { message: "Internal Server Error", code: 0 });
    if (failure?.status === 429) {
      return send(
        429,
        { message: "You are being rate limited.", retry_after: failure.retryAfter, global: false },
        {
          "retry-after": String(failure.retryAfter),
          "x-ratelimit-limit": "5",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset-after": String(failure.retryAfter),
          "x-ratelimit-bucket": "fake-bucket",
          "x-ratelimit-scope": "user",
        },
      );
    }
    if (!matched) return send(404, { message: "404: Not Found", code: 0 });
    if (route === CALLBACK) {
      const interaction = this.#interactions.get(call.params.token as string);
      if (!interaction || Date.now() - interaction.at > INTERACTION_WINDOW_MS) {
        return send(404, { message: "Unknown interaction", code: 10062 });
      }
      if (interaction.acknowledged) {
        return send(400, { message: "Interaction has already been acknowledged.", code: 40060 });
      }
      interaction.acknowledged = true;
    }
    const [status, body] = this.#respond(route, call.params, call.body);
    send(status, body);
  }

  #respond(route: string, p: Record<string, string>, body: Json): [number, unknown?] {
    switch (route) {
      case "GET /gateway/bot":
        return [
          200,
          {
            url: `ws://${this.origin}`,
            shards: 1,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
          },
        ];
      case "GET /users/@me":
        return [200, BOT_USER];
      case "POST /interactions/:id/:token/callback":
      case "PUT /channels/:channel/messages/:message/reactions/:emoji/@me":
      case "DELETE /channels/:channel/messages/:message/reactions/:emoji/@me":
      case "POST /channels/:channel/typing":
        return [204];
      case "DELETE /webhooks/:app/:token/messages/@original":
        this.#originals.delete(p.token as string);
        return [204];
      case "PATCH /webhooks/:app/:token/messages/@original": {
        const id = this.#originals.get(p.token as string)?.id ?? snowflake();
        const message = botMessage(id, this.#channelOf(p.token as string), body, true);
        this.#originals.set(p.token as string, message);
        return [200, message];
      }
      case "POST /webhooks/:app/:token":
        return [200, botMessage(snowflake(), this.#channelOf(p.token as string), body, true)];
      case "POST /channels/:channel/messages":
        return [200, botMessage(snowflake(), p.channel as string, body, false)];
      case "PATCH /channels/:channel/messages/:message":
        return [200, botMessage(p.message as string, p.channel as string, body, false)];
      case "POST /channels/:channel/messages/:message/threads": {
        // A thread started from a message takes the message's id.
        const id = p.message as string;
        this.threads.set(id, { parentId: p.channel as string, name: body.name });
        return [201, thread(id, p.channel as string, body.name, body.auto_archive_duration ?? 1440)];
      }
      case "GET /channels/:channel":
        return [
          200,
          {
            id: p.channel,
            type: 0,
            guild_id: GUILD_ID,
            name: "general",
            position: 0,
            permission_overwrites: [],
          },
        ];
      case "PUT /applications/:app/commands":
      case "PUT /applications/:app/guilds/:guild/commands":
        return [
          200,
          (body as Json[]).map((c) => ({
            ...c,
            id: snowflake(),
            application_id: BOT_ID,
            version: snowflake(),
            ...(p.guild ? { guild_id: p.guild } : {}),
          })),
        ];
      default:
        return [404, { message: "404: Not Found", code: 0 }];
    }
  }

  /** Interactions remember where they happened, so webhook messages land in the right channel. */
  readonly interactionChannels = new Map<string, string>();
  /** When each interaction (by token) was dispatched, and whether it has been acknowledged. */
  readonly #interactions = new Map<string, { at: number; acknowledged: boolean }>();

  #channelOf(token: string): string {
    return this.interactionChannels.get(token) ?? DM_CHANNEL;
  }

  /** Dispatches INTERACTION_CREATE and remembers its channel for the webhook replies. */
  interact(payload: { token: string; channel_id?: string }): void {
    this.interactionChannels.set(payload.token, payload.channel_id ?? DM_CHANNEL);
    this.#interactions.set(payload.token, { at: Date.now(), acknowledged: false });
    this.dispatch("INTERACTION_CREATE", payload);
  }
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  if (contentType?.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": contentType },
    }).formData();
    const json = form.get("payload_json");
    return typeof json === "string" ? JSON.parse(json) : undefined;
  }
  return JSON.parse(raw.toString("utf8"));
}

function botMessage(id: string, channelId: string, body: Json, webhook: boolean): APIMessage {
  return {
    id,
    channel_id: channelId,
    ...(channelId === DM_CHANNEL ? {} : { guild_id: GUILD_ID }),
    author: BOT_USER,
    content: body?.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
    ...(webhook ? { webhook_id: BOT_ID, application_id: BOT_ID } : {}),
  } as APIMessage;
}

function thread(id: string, parentId: string, name: string, autoArchive: number) {
  return {
    id,
    type: 11,
    guild_id: GUILD_ID,
    parent_id: parentId,
    name,
    owner_id: BOT_ID,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: autoArchive,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
    total_message_sent: 0,
  };
}
