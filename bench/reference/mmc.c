/*
 * The physical limit for bench/queue.bench.ts: a tight M/M/c FIFO simulation in C, with the
 * same random numbers as the workbook's (xoshiro128** 1.1 seeded through SplitMix32, and the
 * 256-layer ziggurat of src/sim/ziggurat.ts with the index and position from disjoint bits).
 *
 * FIFO with c identical servers needs no event calendar: customers start in arrival order, each
 * on the server that frees first, so a customer's wait is max(0, earliest free time - arrival).
 * Per-server free times live in a small array scanned for the minimum. This is the least work
 * any M/M/c simulation can do per customer; the workbook's simulation also bins, batches and
 * keeps every wait for exact percentiles, which is what the ratio against this measures.
 *
 * Usage: mmc LAMBDA MU SERVERS CUSTOMERS SEED
 * Prints one JSON line: {"events", "elapsed_s", "mean_wait_s", "customers"}; events = 2 x customers.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint32_t s0, s1, s2, s3;

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline uint32_t next_u32(void) {
  const uint32_t result = rotl(s1 * 5, 7) * 9;
  const uint32_t t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl(s3, 11);
  return result;
}

static uint32_t sm_state;
static uint32_t splitmix32(void) {
  sm_state += 0x9e3779b9u;
  uint32_t z = sm_state;
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

#define LAYERS 256
#define POSITIONS 16777216.0 /* 2^24 */
static const double R = 7.69711747013105;
static const double V = 3.949659822581572e-3;
static uint32_t KE[LAYERS];
static double WE[LAYERS], FE[LAYERS];

static void ziggurat_tables(void) {
  double x = R, previous = R;
  const double q = V / exp(-x);
  KE[0] = (uint32_t)floor((x / q) * POSITIONS);
  KE[1] = 0;
  WE[0] = q / POSITIONS;
  WE[LAYERS - 1] = x / POSITIONS;
  FE[0] = 1;
  FE[LAYERS - 1] = exp(-x);
  for (int i = LAYERS - 2; i >= 1; i--) {
    x = -log(V / x + exp(-x));
    KE[i + 1] = (uint32_t)floor((x / previous) * POSITIONS);
    previous = x;
    FE[i] = exp(-x);
    WE[i] = x / POSITIONS;
  }
}

static double open_uniform(void) { return ((double)next_u32() + 1.0) / 4294967296.0; }

static double slow_path(uint32_t layer, uint32_t position) {
  for (;;) {
    if (layer == 0) return R - log(open_uniform());
    const double x = position * WE[layer];
    const double below = FE[layer];
    const double y = below + open_uniform() * (FE[layer - 1] - below);
    if (y < exp(-x)) return x;
    const uint32_t u = next_u32();
    layer = u & 255;
    position = u >> 8;
    if (position < KE[layer]) return position * WE[layer];
  }
}

static inline double standard_exponential(void) {
  const uint32_t u = next_u32();
  const uint32_t layer = u & 255;
  const uint32_t position = u >> 8;
  if (position < KE[layer]) return position * WE[layer];
  return slow_path(layer, position);
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: mmc LAMBDA MU SERVERS CUSTOMERS SEED\n");
    return 2;
  }
  const double lambda = atof(argv[1]), mu = atof(argv[2]);
  const int servers = atoi(argv[3]);
  const long customers = atol(argv[4]);
  sm_state = (uint32_t)strtoul(argv[5], NULL, 10);
  if (!(lambda > 0) || !(mu > 0) || servers < 1 || customers < 1) {
    fprintf(stderr, "need LAMBDA > 0, MU > 0, SERVERS >= 1, CUSTOMERS >= 1\n");
    return 2;
  }
  s0 = splitmix32();
  s1 = splitmix32();
  s2 = splitmix32();
  s3 = splitmix32();
  if ((s0 | s1 | s2 | s3) == 0) s3 = 1;
  ziggurat_tables();
  double *free_at = calloc((size_t)servers, sizeof(double));
  if (!free_at) return 1;
  const double mean_gap = 1 / lambda, mean_service = 1 / mu;

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  double now = 0, total_wait = 0;
  for (long n = 0; n < customers; n++) {
    now += standard_exponential() * mean_gap;
    int best = 0;
    for (int s = 1; s < servers; s++)
      if (free_at[s] < free_at[best]) best = s;
    const double start = free_at[best] > now ? free_at[best] : now;
    total_wait += start - now;
    free_at[best] = start + standard_exponential() * mean_service;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  const double elapsed = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("{\"events\": %ld, \"elapsed_s\": %.9f, \"mean_wait_s\": %.9g, \"customers\": %ld}\n",
         2 * customers, elapsed, total_wait / (double)customers, customers);
  free(free_at);
  return 0;
}
