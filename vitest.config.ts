import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/pglite.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Native addons (hnswlib) and the WASM model are safest in forked processes.
    pool: "forks",
  },
});
