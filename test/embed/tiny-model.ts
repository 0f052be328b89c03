import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
// onnx-proto is CommonJS whose exports Node cannot detect statically, so only the default import works.
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/**
 * Writes a tiny BERT-shaped model that transformers.js loads like a real one, so the adapter can be
 * tested without a download. The "encoder" is a lookup: each token's hidden state is its row of a
 * fixed word-embedding table plus a token-type row, so different words give different, deterministic
 * vectors. [PAD] gets a non-zero row on purpose: pooling that ignores the attention mask shows up.
 */

export const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"] as const;
// biome-ignore format: the word list reads better packed than one per line
export const WORDS = [
  "the", "a", "cat", "dog", "sat", "on", "mat", "bird", "flew", "over", "house", "river",
  "bot", "answers", "questions", "from", "documents", "with", "citations", "search", "index",
  "embed", "vector", "model", "query", "fast", "slow", "red", "blue", "green",
];

export interface TinyModel {
  /** Folder to use as EMBED_MODEL_DIR. */
  modelDir: string;
  /** Name of the model folder inside modelDir. */
  model: string;
  hidden: number;
  vocabSize: number;
}

export interface TinyModelOptions {
  hidden?: number;
  /** Which ONNX files to write; transformers.js picks one by its `quantized` option. */
  files?: ("model.onnx" | "model_quantized.onnx")[];
  /** Model name, may contain a slash like "org/name". */
  model?: string;
}

/** Creates the model folder under a fresh temp dir and returns where it is. */
export async function createTinyModel(opts: TinyModelOptions = {}): Promise<TinyModel> {
  const hidden = opts.hidden ?? 8;
  const model = opts.model ?? "test/tiny-bert";
  const files = opts.files ?? ["model.onnx"];
  const vocab = [...SPECIAL_TOKENS, ...WORDS];
  const modelDir = await mkdtemp(join(tmpdir(), "footnote-tiny-model-"));
  const dir = join(modelDir, model);
  await mkdir(join(dir, "onnx"), { recursive: true });

  const json = (name: string, value: unknown) => writeFile(join(dir, name), JSON.stringify(value, null, 2));
  await json("config.json", bertConfig(hidden, vocab.length));
  await json("tokenizer.json", tokenizerJson(vocab));
  await json("tokenizer_config.json", {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: 64,
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    cls_token: "[CLS]",
    sep_token: "[SEP]",
  });
  const bytes = encodeModel(hidden, vocab.length);
  for (const file of files) await writeFile(join(dir, "onnx", file), bytes);
  return { modelDir, model, hidden, vocabSize: vocab.length };
}

function bertConfig(hidden: number, vocabSize: number) {
  return {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: hidden,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: hidden * 2,
    max_position_embeddings: 64,
    type_vocab_size: 2,
    vocab_size: vocabSize,
    pad_token_id: 0,
  };
}

function tokenizerJson(vocab: string[]) {
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: { type: "BertProcessing", sep: ["[SEP]", 3], cls: ["[CLS]", 2] },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  };
}

/** Deterministic values in [-1, 1) so the model is identical on every run. */
function pseudoRandom(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 2_147_483_648) * 2 - 1;
  });
}

/** last_hidden_state = word_embeddings[input_ids] + token_type_embeddings[token_type_ids]. */
function encodeModel(hidden: number, vocabSize: number): Uint8Array {
  const { TensorProto } = onnx;
  const floatTensor = (name: string, rows: number, seed: number) =>
    TensorProto.create({
      name,
      dataType: TensorProto.DataType.FLOAT,
      dims: [rows, hidden],
      floatData: pseudoRandom(rows * hidden, seed),
    });
  const valueInfo = (name: string, elemType: number, shape: string[]) =>
    onnx.ValueInfoProto.create({
      name,
      type: {
        tensorType: {
          elemType,
          shape: { dim: shape.map((d) => (/^\d+$/.test(d) ? { dimValue: Number(d) } : { dimParam: d })) },
        },
      },
    });
  const int64 = TensorProto.DataType.INT64;
  const float = TensorProto.DataType.FLOAT;

  const graph = onnx.GraphProto.create({
    name: "tiny-bert",
    initializer: [floatTensor("word_embeddings", vocabSize, 7), floatTensor("token_type_embeddings", 2, 11)],
    node: [
      { opType: "Gather", input: ["word_embeddings", "input_ids"], output: ["words"], name: "gather_words" },
      {
        opType: "Gather",
        input: ["token_type_embeddings", "token_type_ids"],
        output: ["types"],
        name: "gather_types",
      },
      { opType: "Add", input: ["words", "types"], output: ["last_hidden_state"], name: "add" },
    ],
    // attention_mask is declared but unused, as in a model whose tokens do not attend to each other:
    // transformers.js feeds only the inputs a model declares, and real BERT exports declare all three.
    input: [
      valueInfo("input_ids", int64, ["batch", "sequence"]),
      valueInfo("attention_mask", int64, ["batch", "sequence"]),
      valueInfo("token_type_ids", int64, ["batch", "sequence"]),
    ],
    output: [valueInfo("last_hidden_state", float, ["batch", "sequence", String(hidden)])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "footnote-tests",
    opsetImport: [{ domain: "", version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
