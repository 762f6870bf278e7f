export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function mix32(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function optimalK(m: number, n: number): number {
  return Math.max(1, Math.round((m / n) * Math.LN2));
}

export function falsePositiveRate(m: number, n: number, k: number): number {
  return (1 - Math.exp((-k * n) / m)) ** k;
}

export class BloomFilter {
  private readonly bits: Uint8Array;

  constructor(
    readonly m: number,
    readonly k: number,
  ) {
    this.bits = new Uint8Array(m);
  }

  positions(item: string): number[] {
    const h1 = fnv1a32(item);
    const h2 = mix32(h1);
    const out: number[] = [];
    for (let i = 0; i < this.k; i++) out.push((h1 + i * h2) % this.m);
    return out;
  }

  add(item: string): void {
    for (const p of this.positions(item)) this.bits[p] = 1;
  }

  mightContain(item: string): boolean {
    return this.positions(item).every((p) => this.bits[p] === 1);
  }
}
