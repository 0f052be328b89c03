/** The embedder port: anything that turns texts into unit-length vectors of a fixed dimension. */
export interface Embedder {
  /** Identifies model and preprocessing; stored in the manifest and in cache keys. */
  readonly id: string;
  readonly dimension: number;
  /** Embeds a batch; every returned vector has `dimension` entries and unit length. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Releases workers or native resources. */
  close(): Promise<void>;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}
