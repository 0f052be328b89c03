import type { EventEmitter } from "node:events";

/**
 * The first item, already seen or emitted later as `event`, that matches; rejects after
 * `timeoutMs` naming `what` it waited for.
 */
export function waitFor<T>(
  seen: T[],
  emitter: EventEmitter,
  event: string,
  match: (item: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const found = seen.find(match);
  if (found) return Promise.resolve(found);
  return new Promise<T>((resolve, reject) => {
    const onItem = (item: T) => {
      if (!match(item)) return;
      clearTimeout(timer);
      emitter.off(event, onItem);
      resolve(item);
    };
    const timer = setTimeout(() => {
      emitter.off(event, onItem);
      reject(new Error(`no matching ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    emitter.on(event, onItem);
  });
}
