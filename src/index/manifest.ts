import { z } from "zod";

/** Bumped whenever the on-disk layout or the cleaning/chunking output changes meaning. */
export const FORMAT_VERSION = 2;

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  chunking: z.object({
    targetTokens: z.number().int(),
    overlapTokens: z.number().int(),
    // Missing in builds made before chunks kept their context: those are re-chunked.
    contextSentences: z.number().int().optional(),
  }),
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      hash: z.string(),
      chunks: z.number().int().nonnegative(),
    }),
  ),
  chunks: z.number().int().nonnegative(),
});

export type Manifest = z.infer<typeof manifestSchema>;
