import { existsSync } from "node:fs";
import { join } from "node:path";
import { env, type FeatureExtractionPipeline, pipeline } from "@xenova/transformers";
import type { Embedder } from "./embedder.js";

export type Pooling = "mean" | "cls";

export interface TransformersEmbedderOptions {
  /** Hub name such as "Xenova/all-MiniLM-L6-v2"; also the folder name under modelDir. */
  model: string;
  /** Folder holding `<model>/` for offline use; downloads (when allowed) are saved here too. */
  modelDir?: string;
  allowRemote: boolean;
  batchSize?: number;
  /** Defaults by model name, see `defaultPooling`. */
  pooling?: Pooling;
  /** Prepended to every text, for models trained with one (e.g. "query: " for e5). */
  queryPrefix?: string;
  /** Which weights to load; by default model_quantized.onnx if present locally, else model.onnx. */
  quantized?: boolean;
}

const CONFIG_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"];
const QUANTIZED_FILE = "onnx/model_quantized.onnx";
const FULL_FILE = "onnx/model.onnx";

export class ModelNotFoundError extends Error {
  override name = "ModelNotFoundError";
}

/** BGE, mxbai-embed and arctic-embed are trained to use the [CLS] state as the sentence vector. */
export function defaultPooling(model: string): Pooling {
  return /bge|mxbai-embed|arctic-embed/i.test(model) ? "cls" : "mean";
}

// `env` is process-wide and read while a model loads, so loads run one at a time.
let loading: Promise<unknown> = Promise.resolve();

export async function createTransformersEmbedder(opts: TransformersEmbedderOptions): Promise<Embedder> {
  const batchSize = opts.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError("batchSize must be a positive integer");
  }
  const pooling = opts.pooling ?? defaultPooling(opts.model);
  const prefix = opts.queryPrefix ?? "";

  const load = loading.then(() => loadPipeline(opts));
  loading = load.catch(() => undefined);
  const extractor = await load;

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(
      texts.map((t) => prefix + t),
      { pooling, normalize: true },
    );
    const dim = output.dims[1] as number;
    const data = output.data as Float32Array;
    return texts.map((_, i) => data.slice(i * dim, (i + 1) * dim));
  };

  const [probe] = await embedBatch(["dimension probe"]).catch(async (err) => {
    await extractor.dispose();
    throw err;
  });
  const dimension = probe?.length ?? 0;

  return {
    // The prefix changes every vector, so it must change the id that keys caches and the manifest.
    id: `transformers:${opts.model}:${pooling}${prefix ? `:prefix=${JSON.stringify(prefix)}` : ""}`,
    dimension,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        vectors.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      }
      return vectors;
    },
    async close() {
      await extractor.dispose();
    },
  };
}

async function loadPipeline(opts: TransformersEmbedderOptions): Promise<FeatureExtractionPipeline> {
  env.allowRemoteModels = opts.allowRemote;
  env.allowLocalModels = true;
  if (opts.modelDir) env.localModelPath = opts.modelDir;
  // Without a modelDir, transformers.js also reads its download cache, so look there too.
  const cacheDir = opts.modelDir ?? env.cacheDir;
  const folders = [...new Set([env.localModelPath, cacheDir])].map((dir) => join(dir, opts.model));
  const weightFiles =
    opts.quantized === undefined
      ? [QUANTIZED_FILE, FULL_FILE]
      : [opts.quantized ? QUANTIZED_FILE : FULL_FILE];
  const found = folders.find(
    (dir) => CONFIG_FILES.every((f) => has(dir, f)) && weightFiles.some((f) => has(dir, f)),
  );
  if (!found && !opts.allowRemote) throw notFound(opts.model, folders, weightFiles);

  return pipeline("feature-extraction", opts.model, {
    // The smaller quantized weights win when both exist and when downloading.
    quantized: opts.quantized ?? (found ? has(found, QUANTIZED_FILE) : true),
    // Saving downloads into modelDir gives the layout that later offline runs read.
    cache_dir: cacheDir,
  });
}

const has = (dir: string, file: string) => existsSync(join(dir, file));

function notFound(model: string, folders: string[], weightFiles: string[]): ModelNotFoundError {
  const weights = weightFiles.join(" or ");
  const looked = folders.map((dir) => {
    const missing = CONFIG_FILES.filter((f) => !has(dir, f));
    if (!weightFiles.some((f) => has(dir, f))) missing.push(weights);
    return `${dir} (missing ${missing.join(", ")})`;
  });
  return new ModelNotFoundError(
    `Embedding model "${model}" is not available offline and remote loading is off. ` +
      `Looked in: ${looked.join("; ")}. Fix: put the model under EMBED_MODEL_DIR/${model}/ with ` +
      `${CONFIG_FILES.join(", ")} and ${weights}, ` +
      "or set EMBED_ALLOW_REMOTE=true on a machine with internet to download it once.",
  );
}
