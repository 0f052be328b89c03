import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Config } from "../config.js";

/**
 * User ids are pseudonymised with a keyed hash (HMAC-SHA-256): a Discord user id is public, so a
 * plain hash of it can be reversed by hashing every member's id. Without the key the pseudonym
 * reveals nothing; the same key always gives the same pseudonym, so votes and logs of one user
 * still line up.
 */
export type Pseudonymize = (userId: string) => string;

export function pseudonymizer(key: string): Pseudonymize {
  return (userId) => createHmac("sha256", key).update(userId).digest("hex").slice(0, 32);
}

/** USER_ID_SECRET, else the key kept in USER_ID_SECRET_FILE, generated (mode 0600) on first run. */
export async function loadUserIdKey(feedback: Config["feedback"]): Promise<string> {
  if (feedback.secret) return feedback.secret;
  const file = feedback.secretFile;
  const read = async () => {
    const key = (await readFile(file, "utf8")).trim();
    if (key.length < 16) {
      throw new Error(`${file} (USER_ID_SECRET_FILE) holds no usable key; delete it to have a new one made.`);
    }
    return key;
  };
  try {
    return await read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    // Another process made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return read();
}
