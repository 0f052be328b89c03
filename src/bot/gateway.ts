import {
  type IShardingStrategy,
  SimpleShardingStrategy,
  type WebSocketManager,
  WebSocketShardEvents,
  WebSocketShardStatus,
} from "@discordjs/ws";
import { type BackoffSettings, backoffDelay, sleep } from "./backoff.js";

/**
 * @discordjs/ws's in-process sharding with backoff between reconnect attempts; on its own it
 * pauses a fixed 500 ms and tries again, forever. A shard about to connect (idle) first asks for
 * its session (`retrieveSessionInfo`), so that is where the wait goes: the first attempt, and
 * the first after a session worked, goes at once; each further attempt in a row waits longer.
 * (Dispatches read the session too, while the shard is connected: those never wait.) The
 * strategy sees the manager through a view that changes only that function and notices
 * READY/RESUMED to reset the count; everything else is the manager itself.
 */
export function backoffShardingStrategy(
  manager: WebSocketManager,
  settings: BackoffSettings,
): IShardingStrategy {
  const attempts = new Map<number, number>();
  const retrieveSessionInfo = async (shardId: number) => {
    if ((await strategy.fetchStatus()).get(shardId) === WebSocketShardStatus.Idle) {
      const n = attempts.get(shardId) ?? 0;
      if (n > 0) await sleep(backoffDelay(n - 1, settings));
      attempts.set(shardId, n + 1);
    }
    return manager.options.retrieveSessionInfo(shardId);
  };
  const options = new Proxy(manager.options, {
    get: (target, prop) => (prop === "retrieveSessionInfo" ? retrieveSessionInfo : Reflect.get(target, prop)),
  });
  const emit = (event: string, payload: { shardId?: number }) => {
    const up = event === WebSocketShardEvents.Ready || event === WebSocketShardEvents.Resumed;
    if (up && payload.shardId !== undefined) attempts.set(payload.shardId, 0);
    return (manager.emit as (e: string, p: unknown) => boolean)(event, payload);
  };
  const view = new Proxy(manager, {
    get(target, prop) {
      if (prop === "options") return options;
      if (prop === "emit") return emit;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const strategy = new SimpleShardingStrategy(view);
  return strategy;
}
