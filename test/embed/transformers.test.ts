import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import ort from "onnxruntime-node";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from "vitest";
import type { Embedder } from "../../src/embed/embedder.js";
import { createTransformersEmbedder, ModelNotFoundError } from "../../src/embed/transformers.js";
import { createTinyModel, type TinyModel } from "./tiny-model.js";

const norm = (v: Float32Array) => Math.hypot(...v);
const maxDiff = (a: Float32Array, b: Float32Array) =>
  Math.max(...a.map((x, i) => Math.abs(x - (b[i] as number))));

let fetchSpy: MockInstance<typeof fetch>;
const tempDirs: string[] = [];

async function tinyModel(...args: Parameters<typeof createTinyModel>): Promise<TinyModel> {
  const model = await createTinyModel(...args);
  tempDirs.push(model.modelDir);
  return model;
}

beforeEach(() => {
  fetchSpy = vi.spyOn(globalThis, "fetch");
});

afterEach(() => {
  const remote = fetchSpy.mock.calls.map(([url]) => String(url)).filter((url) => !url.startsWith("file:"));
  expect(remote, "nothing may be fetched over the network").toEqual([]);
  fetchSpy.mockRestore();
});

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("tiny test model", () => {
  it("runs in onnxruntime-node with BERT's inputs and output", async () => {
    const tiny = await tinyModel();
    const session = await ort.InferenceSession.create(
      await readFile(join(tiny.modelDir, tiny.model, "onnx", "model.onnx")),
    );
    const ids = (values: bigint[]) => new ort.Tensor("int64", BigInt64Array.from(values), [1, values.length]);
    const out = await session.run({
      input_ids: ids([2n, 6n, 3n]),
      attention_mask: ids([1n, 1n, 1n]),
      token_type_ids: ids([0n, 0n, 0n]),
    });
    expect(out.last_hidden_state?.dims).toEqual([1, 3, tiny.hidden]);
  });
});

describe("createTransformersEmbedder", () => {
  let tiny: TinyModel;
  let embedder: Embedder;

  beforeAll(async () => {
    tiny = await tinyModel();
    embedder = await createTransformersEmbedder({
      model: tiny.model,
      modelDir: tiny.modelDir,
      allowRemote: false,
    });
  });

  afterAll(async () => {
    await embedder?.close();
  });

  it("loads the local model and reports its dimension and id", () => {
    expect(embedder.dimension).toBe(tiny.hidden);
    expect(embedder.id).toBe(`transformers:${tiny.model}:mean`);
  });

  it("returns one unit-length vector of the model's dimension per text", async () => {
    const vectors = await embedder.embed(["the cat sat on the mat", "a dog", "unknownword", ""]);
    expect(vectors).toHaveLength(4);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(tiny.hidden);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it("gives identical texts identical vectors and different texts different vectors", async () => {
    const [a, b, c] = await embedder.embed(["the cat sat", "the cat sat", "blue river bird"]);
    expect(Array.from(a as Float32Array)).toEqual(Array.from(b as Float32Array));
    expect(maxDiff(a as Float32Array, c as Float32Array)).toBeGreaterThan(0.01);
  });

  it("ignores padding: a text embeds the same alone and batched with a longer text", async () => {
    const [alone] = await embedder.embed(["cat"]);
    const [batched] = await embedder.embed([
      "cat",
      "the bot answers questions from documents with citations",
    ]);
    expect(maxDiff(alone as Float32Array, batched as Float32Array)).toBeLessThan(1e-5);
  });

  it("gives the same vectors whatever the batch size", async () => {
    const texts = ["cat", "dog sat", "the red house", "fast vector search", "a", "green bird flew"];
    const small = await createTransformersEmbedder({
      model: tiny.model,
      modelDir: tiny.modelDir,
      allowRemote: false,
      batchSize: 2,
    });
    const [inSmall, inLarge] = [await small.embed(texts), await embedder.embed(texts)];
    await small.close();
    expect(inSmall).toHaveLength(texts.length);
    inSmall.forEach((v, i) => {
      expect(maxDiff(v, inLarge[i] as Float32Array)).toBeLessThan(1e-5);
    });
  });

  it("prepends the query prefix, which shows in the vectors and the id", async () => {
    const prefixed = await createTransformersEmbedder({
      model: tiny.model,
      modelDir: tiny.modelDir,
      allowRemote: false,
      queryPrefix: "query ",
    });
    const [withPrefix] = await prefixed.embed(["cat"]);
    const [spelledOut] = await embedder.embed(["query cat"]);
    await prefixed.close();
    expect(prefixed.id).toBe(`transformers:${tiny.model}:mean:prefix="query "`);
    expect(maxDiff(withPrefix as Float32Array, spelledOut as Float32Array)).toBeLessThan(1e-6);
  });
});

describe("model selection", () => {
  it("loads quantized weights when only model_quantized.onnx exists", async () => {
    const tiny = await tinyModel({ files: ["model_quantized.onnx"] });
    const embedder = await createTransformersEmbedder({
      model: tiny.model,
      modelDir: tiny.modelDir,
      allowRemote: false,
    });
    expect(embedder.dimension).toBe(tiny.hidden);
    await embedder.close();
  });

  it("uses CLS pooling for bge models, so the vector is the [CLS] state whatever the text", async () => {
    const tiny = await tinyModel({ model: "test/bge-tiny" });
    const embedder = await createTransformersEmbedder({
      model: tiny.model,
      modelDir: tiny.modelDir,
      allowRemote: false,
    });
    const [a, b] = await embedder.embed(["cat", "blue river"]);
    await embedder.close();
    expect(embedder.id).toBe("transformers:test/bge-tiny:cls");
    expect(maxDiff(a as Float32Array, b as Float32Array)).toBeLessThan(1e-6);
  });

  it("lets the caller override the pooling chosen by name", async () => {
    const tiny = await tinyModel({ model: "test/bge-tiny" });
    const embedder = await createTransformersEmbedder({
      model: tiny.model,
      modelDir: tiny.modelDir,
      allowRemote: false,
      pooling: "mean",
    });
    const [a, b] = await embedder.embed(["cat", "blue river"]);
    await embedder.close();
    expect(embedder.id).toBe("transformers:test/bge-tiny:mean");
    expect(maxDiff(a as Float32Array, b as Float32Array)).toBeGreaterThan(0.01);
  });
});

describe("missing model with remote loading off", () => {
  it("explains where it looked and how to fix it", async () => {
    const tiny = await tinyModel();
    const attempt = createTransformersEmbedder({
      model: "Xenova/all-MiniLM-L6-v2",
      modelDir: tiny.modelDir,
      allowRemote: false,
    });
    await expect(attempt).rejects.toThrow(ModelNotFoundError);
    const message = await attempt.catch((err: Error) => err.message);
    expect(message).toContain(join(tiny.modelDir, "Xenova/all-MiniLM-L6-v2"));
    expect(message).toContain("EMBED_MODEL_DIR/Xenova/all-MiniLM-L6-v2/");
    expect(message).toContain("config.json, tokenizer.json, tokenizer_config.json");
    expect(message).toContain("onnx/model_quantized.onnx or onnx/model.onnx");
    expect(message).toContain("EMBED_ALLOW_REMOTE=true");
  });

  it("names the missing weights when the requested variant is absent", async () => {
    const tiny = await tinyModel({ files: ["model.onnx"] });
    const attempt = createTransformersEmbedder({
      model: tiny.model,
      modelDir: tiny.modelDir,
      allowRemote: false,
      quantized: true,
    });
    await expect(attempt).rejects.toThrow(
      `${join(tiny.modelDir, tiny.model)} (missing onnx/model_quantized.onnx)`,
    );
  });
});
