import type { Config } from "../config.js";
import type { Embedder } from "./embedder.js";

/** Builds the configured embedder; the heavy provider module is imported only when chosen. */
export async function createEmbedder(config: Config["embedder"]): Promise<Embedder> {
  if (config.provider === "transformers") {
    const { createTransformersEmbedder } = await import("./transformers.js");
    return createTransformersEmbedder({
      model: config.model,
      modelDir: config.modelDir,
      allowRemote: config.allowRemote,
      batchSize: config.batchSize,
    });
  }
  const { createUseLiteEmbedder } = await import("./use-lite.js");
  return createUseLiteEmbedder({ workers: config.workers, batchSize: config.batchSize });
}
