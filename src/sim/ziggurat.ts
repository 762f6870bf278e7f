/**
 * Exponential variates by the ziggurat method (Marsaglia & Tsang, "The Ziggurat Method for
 * Generating Random Variables", Journal of Statistical Software 5(8), 2000), 256 layers.
 *
 * The density e^−x is covered by 256 stacked pieces of equal area V: 255 rectangles and a base
 * strip (a rectangle of height e^−R plus the tail beyond R). A draw picks a piece and a point in
 * it; about 98.9 % of the time the point lies under the curve for certain and the value is
 * returned after one 32-bit draw, a table look-up and a multiply, with no logarithm. The rest
 * take a slow path that is still exact: a rejection test against e^−x, or R + Exp(1) in the tail.
 *
 * Unlike the paper's code, the piece index (low 8 bits) and the position (high 24 bits) come
 * from disjoint bits of the draw, so they are independent; positions have 24 bits of resolution
 * within their piece (the base strip's step is 4.7 × 10⁻⁷ of the mean).
 *
 * Used where a simulation draws millions of exponential gaps (the queue's event loop); elsewhere
 * `exponential` in rng.ts (inversion, one logarithm) is simpler and fast enough.
 */

/** Right edge of the base rectangle: the tail starts here (the paper's r for n = 256). */
export const ZIGGURAT_R = 7.69711747013105;
/** Area of each of the 256 pieces (the paper's v). */
export const ZIGGURAT_V = 3.949659822581572e-3;

const LAYERS = 256;
const POSITIONS = 2 ** 24;

/** Accept at once when the 24-bit position is below KE[i] (the next piece's edge, scaled). */
const KE = new Uint32Array(LAYERS);
/** Position-to-x scale of each piece: x = position × WE[i]. */
const WE = new Float64Array(LAYERS);
/** e^−x at each piece's right edge (FE[0] = 1 at x = 0). */
const FE = new Float64Array(LAYERS);

/** Right edges x₁ < … < x₂₅₅ = R; exposed for the tests. */
export const ZIGGURAT_EDGES = new Float64Array(LAYERS);

{
  let x = ZIGGURAT_R;
  let previous = x;
  // The base strip: a rectangle [0, R] × [0, e^−R] plus the tail, as wide as V / e^−R would be.
  const q = ZIGGURAT_V / Math.exp(-x);
  KE[0] = Math.floor((x / q) * POSITIONS);
  KE[1] = 0;
  WE[0] = q / POSITIONS;
  WE[LAYERS - 1] = x / POSITIONS;
  FE[0] = 1;
  FE[LAYERS - 1] = Math.exp(-x);
  ZIGGURAT_EDGES[LAYERS - 1] = x;
  for (let i = LAYERS - 2; i >= 1; i--) {
    // Each rectangle has area V: x_i (e^−x_i − e^−x_{i+1}) = V.
    x = -Math.log(ZIGGURAT_V / x + Math.exp(-x));
    KE[i + 1] = Math.floor((x / previous) * POSITIONS);
    previous = x;
    FE[i] = Math.exp(-x);
    WE[i] = x / POSITIONS;
    ZIGGURAT_EDGES[i] = x;
  }
}

/** Uniform in (0, 1] from a 32-bit draw, so its logarithm is finite. */
const openUniform = (nextUint32: () => number) => (nextUint32() + 1) / 4294967296;

/** The rare case: a point near the curve's edge, or the tail. */
function slowPath(nextUint32: () => number, layer: number, position: number): number {
  for (;;) {
    if (layer === 0) return ZIGGURAT_R - Math.log(openUniform(nextUint32));
    const x = position * WE[layer]!;
    const below = FE[layer]!;
    const y = below + openUniform(nextUint32) * (FE[layer - 1]! - below);
    if (y < Math.exp(-x)) return x;
    const u = nextUint32();
    layer = u & 255;
    position = u >>> 8;
    if (position < KE[layer]!) return position * WE[layer]!;
  }
}

/**
 * A standard exponential variate (mean 1) from a source of uniform 32-bit integers. Scale by
 * the mean (or divide by the rate) for other exponentials.
 */
export function standardExponential(nextUint32: () => number): number {
  const u = nextUint32();
  const layer = u & 255;
  const position = u >>> 8;
  if (position < KE[layer]!) return position * WE[layer]!;
  return slowPath(nextUint32, layer, position);
}
