import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, bench, describe } from 'vitest';
import { simulateQueueAll } from '../src/widgets/queue/simulate';
import type { QueueSimParams } from '../src/widgets/queue/simulate';
import { formatRatio, formatSpread, ratio, spread } from './stats';

/**
 * Two comparisons of the queue simulation (src/widgets/queue/simulate.ts), both counted in
 * events: two per customer (arrival and departure).
 *
 * 1. Peer: a straightforward M/M/c simulation in Python with the standard library's heapq event
 *    calendar (bench/reference/mmc_heapq.py), the approach the source material uses, run as a
 *    child process on the same system with the same number of customers (500 000). Target:
 *    ≥ 25× and ≥ 10 M events/s.
 * 2. The physical limit: a tight C M/M/c (bench/reference/mmc.c: per-server free times, the same
 *    xoshiro128** and ziggurat), compiled here with `cc -O2` when a C compiler exists, at 20 M
 *    customers. Ours also bins, batches and keeps every wait for exact percentiles; the ratio
 *    says what that and JavaScript cost. Target: ≥ 0.7× C.
 *
 * Both sides of each comparison get the same passes: one warm-up pass left out (Node's first
 * runs before the JIT has compiled the loop), then the same number measured, each timed around
 * the simulation loop alone (the peers time themselves, so starting a process is not counted).
 * Reported: the median rate with the min–max spread, and the ratio of medians with the range the
 * spreads allow. bench/ratioReporter.ts repeats the ratio lines after Vitest's tables.
 */
const LAMBDA = 900; // arrivals per second
const MU = 100; // services per second per server (mean service 10 ms)
const SERVERS = 10; // ρ = λ / (c μ) = 0.9
const CUSTOMERS = 500_000;
const LIMIT_CUSTOMERS = 20_000_000;
const WARMUP = 1;
const PASSES = 5;
const LIMIT_PASSES = 3;
const PYTHON = path.join(import.meta.dirname, 'reference', 'mmc_heapq.py');
const C_SOURCE = path.join(import.meta.dirname, 'reference', 'mmc.c');

const paramsFor = (customers: number): QueueSimParams => ({
  lambda: LAMBDA,
  meanService: 1 / MU,
  service: 'exponential',
  cv: 0,
  servers: SERVERS,
  room: null,
  durationS: customers / LAMBDA,
  warmupS: 0,
  burst: null,
});

interface Pass {
  events: number;
  seconds: number;
  meanWait?: number;
}

/** The one JSON line both reference programs print. */
interface ReferenceOutput {
  events: number;
  elapsed_s: number;
  mean_wait_s: number;
}

/** The real interpreter behind `python3` (a version manager's shim can add 100 ms a start). */
function findPython(): { exe: string } | { error: string } {
  try {
    const exe = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    return { exe: exe || 'python3' };
  } catch (e) {
    return { error: firstLine(e) };
  }
}

/** The C reference, compiled into a temporary folder; nothing is written to the checkout. */
function compileC(): { exe: string } | { error: string } {
  const exe = path.join(mkdtempSync(path.join(tmpdir(), 'workbook-mmc-')), 'mmc');
  try {
    execFileSync('cc', ['-O2', '-o', exe, C_SOURCE, '-lm'], { stdio: ['ignore', 'pipe', 'pipe'] });
    return { exe };
  } catch (e) {
    return { error: firstLine(e) };
  }
}

function firstLine(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/** Erlang C mean wait in line, for checking that every side simulates the same system. */
function erlangCWait(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const tail = term / (1 - a / c);
  return tail / (sum + tail) / (c * mu - lambda);
}

const python = findPython();
const cc = compileC();
const runChild = promisify(execFile);
let seed = 0;

async function referencePass(exe: string, args: string[], customers: number): Promise<Pass> {
  const all = [...args, ...[LAMBDA, MU, SERVERS, customers, ++seed].map(String)];
  const { stdout } = await runChild(exe, all);
  const out = JSON.parse(stdout) as ReferenceOutput;
  return { events: out.events, seconds: out.elapsed_s, meanWait: out.mean_wait_s };
}

function nodePass(customers: number): Pass {
  const start = performance.now();
  const result = simulateQueueAll(paramsFor(customers), ++seed);
  const seconds = (performance.now() - start) / 1000;
  if (result.admitted !== result.arrivals) throw new Error('customers dropped without a room');
  return { events: 2 * result.admitted, seconds };
}

const passes = {
  node: [] as Pass[],
  python: [] as Pass[],
  nodeLimit: [] as Pass[],
  c: [] as Pass[],
};
const options = (measured: number) => ({
  warmupIterations: 0,
  warmupTime: 0,
  iterations: WARMUP + measured,
  time: 0,
});

describe(`M/M/c queue, λ=${LAMBDA}/s, ${1000 / MU} ms, c=${SERVERS} (ρ=0.9), ${CUSTOMERS / 1000}k customers`, () => {
  if ('exe' in python) {
    // Async, so tinybench does not make an untimed extra call to learn whether it is.
    bench(
      'Python heapq reference (peer, python3 child process)',
      async () => {
        // -S -E: no site-packages or environment, so start-up stays small and repeatable.
        passes.python.push(await referencePass(python.exe, ['-S', '-E', PYTHON], CUSTOMERS));
      },
      options(PASSES),
    );
  }
  bench(
    'simulateQueueAll (ours, Node)',
    () => void passes.node.push(nodePass(CUSTOMERS)),
    options(PASSES),
  );
});

describe(`M/M/c queue, the same system, ${LIMIT_CUSTOMERS / 1e6} M customers`, () => {
  if ('exe' in cc) {
    bench(
      'C, cc -O2 (physical limit)',
      async () => void passes.c.push(await referencePass(cc.exe, [], LIMIT_CUSTOMERS)),
      options(LIMIT_PASSES),
    );
  }
  bench(
    'simulateQueueAll (ours, Node)',
    () => void passes.nodeLimit.push(nodePass(LIMIT_CUSTOMERS)),
    options(LIMIT_PASSES),
  );
});

const mega = (x: number) => (x / 1e6).toFixed(2);
/**
 * Events per second of the measured passes: the last ones, since tinybench also calls a
 * synchronous bench once more to learn whether it is asynchronous.
 */
const rates = (list: Pass[], measured: number) =>
  spread(list.slice(-measured).map((p) => p.events / p.seconds));
const meanWaitMs = (list: Pass[]) =>
  ((1000 * list.reduce((s, p) => s + (p.meanWait ?? 0), 0)) / list.length).toFixed(2);

afterAll(() => {
  const erlang = `Erlang C ${(erlangCWait(LAMBDA, MU, SERVERS) * 1000).toFixed(2)} ms`;
  const node = rates(passes.node, PASSES);
  if (node.passes === 0) {
    console.log('queue DES: the Node simulation did not complete a measured pass');
    return;
  }
  console.log(
    `Node, ${mega(passes.node[0]!.events)} M events: ${formatSpread(node, mega)} M events/s`,
  );
  const target = 'target ≥ 25×, ≥ 10 M events/s';
  const py = rates(passes.python, PASSES);
  if ('error' in python || py.passes === 0) {
    const why = 'error' in python ? python.error : 'no run completed';
    console.log(
      `queue DES: ${mega(node.median)} M events/s in Node; the Python heapq peer could not run ` +
        `(${why}), so there is no ratio (${target})`,
    );
  } else {
    console.log(
      `Python heapq (loop only): ${formatSpread(py, mega)} M events/s; mean wait ` +
        `${meanWaitMs(passes.python)} ms (${erlang})`,
    );
    console.log(
      `queue DES: ${mega(node.median)} M events/s in Node vs ${mega(py.median)} M events/s in ` +
        `Python heapq, medians: ${formatRatio(ratio(node, py))} (${target})`,
    );
  }

  const limit = rates(passes.nodeLimit, LIMIT_PASSES);
  const c = rates(passes.c, LIMIT_PASSES);
  const limitTarget = 'target ≥ 0.7× C';
  if (limit.passes === 0) return;
  console.log(
    `Node, ${LIMIT_CUSTOMERS / 1e6} M customers: ${formatSpread(limit, mega)} M events/s`,
  );
  if ('error' in cc || c.passes === 0) {
    const why = 'error' in cc ? cc.error : 'no run completed';
    console.log(`queue DES against C: no C compiler run (${why}), so no ratio (${limitTarget})`);
    return;
  }
  console.log(
    `C, cc -O2 (loop only): ${formatSpread(c, mega)} M events/s; mean wait ` +
      `${meanWaitMs(passes.c)} ms (${erlang})`,
  );
  console.log(
    `queue DES against its physical limit: ${mega(limit.median)} M events/s in Node vs ` +
      `${mega(c.median)} M events/s in C at ${LIMIT_CUSTOMERS / 1e6} M customers, medians: ` +
      `${formatRatio(ratio(limit, c), 2)} (${limitTarget})`,
  );
});
