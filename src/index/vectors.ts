import hnswlib from "hnswlib-node";

/** The vector-store port: labels are chunk positions in the chunk store. */
export interface VectorStore {
  readonly dimension: number;
  readonly size: number;
  /** Nearest labels by cosine similarity (1 = identical). */
  search(vector: Float32Array, k: number): { label: number; similarity: number }[];
  /** The stored (unit) vector of a label. */
  vector(label: number): Float32Array;
  save(file: string): Promise<void>;
}

/** Cosine similarity of unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** HNSW (hnswlib-node, cosine space); exact enough at this size with ef = 200. */
export class HnswVectorStore implements VectorStore {
  /** Vectors read back from the native index: re-scoring reads the same candidates again and again. */
  private readonly points = new Map<number, Float32Array>();

  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimension: number,
  ) {}

  static build(dimension: number, vectors: Float32Array[]): HnswVectorStore {
    const index = new hnswlib.HierarchicalNSW("cosine", dimension);
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: 16, efConstruction: 200, randomSeed: 42 });
    vectors.forEach((v, label) => {
      index.addPoint(Array.from(v), label);
    });
    index.setEf(200);
    return new HnswVectorStore(index, dimension);
  }

  static async load(file: string, dimension: number): Promise<HnswVectorStore> {
    const index = new hnswlib.HierarchicalNSW("cosine", dimension);
    await index.readIndex(file);
    index.setEf(200);
    return new HnswVectorStore(index, dimension);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  search(vector: Float32Array, k: number) {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.index.searchKnn(Array.from(vector), n);
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] as number) }));
  }

  vector(label: number): Float32Array {
    let v = this.points.get(label);
    if (!v) {
      v = Float32Array.from(this.index.getPoint(label));
      this.points.set(label, v);
    }
    return v;
  }

  async save(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }
}
