import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, bench, describe } from 'vitest';
import { simulateQueueAll } from '../src/widgets/queue/simulate';
import type { QueueSimParams } from '../src/widgets/queue/simulate';

/**
 * Peer: a straightforward M/M/c simulation in Python with the standard library's heapq event
 * calendar (bench/reference/mmc_heapq.py), the approach the source material uses, run here as
 * a child process on the same system and the same number of customers. Throughput is counted
 * in events: two per customer (arrival and departure), what an event calendar processes.
 *
 * The afterAll line gives the ratio of events per second, with the peer's own loop-only timing;
 * bench/ratioReporter.ts repeats it after Vitest's tables, so it is the output's last line.
 * Vitest's own summary compares whole passes instead (the peer's passes also start the
 * interpreter, about 40 ms, and its mean rather than best). Target: ≥ 25× and ≥ 10 M events/s.
 */
const LAMBDA = 900; // arrivals per second
const MU = 100; // services per second per server (mean service 10 ms)
const SERVERS = 10; // ρ = λ / (c μ) = 0.9
const CUSTOMERS = 500_000;
const REFERENCE = path.join(import.meta.dirname, 'reference', 'mmc_heapq.py');

const params: QueueSimParams = {
  lambda: LAMBDA,
  meanService: 1 / MU,
  service: 'exponential',
  cv: 0,
  servers: SERVERS,
  room: null,
  durationS: CUSTOMERS / LAMBDA,
  warmupS: 0,
  burst: null,
};

interface Pass {
  events: number;
  seconds: number;
}

interface PythonPass extends Pass {
  meanWait: number;
}

/** The one JSON line bench/reference/mmc_heapq.py prints. */
interface PythonOutput {
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
    return { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
}

/** Erlang C mean wait in line, for checking that the peer simulates the same system. */
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
const nodePasses: Pass[] = [];
const pythonPasses: PythonPass[] = [];
let seed = 0;

const runPython = promisify(execFile);
const mega = (x: number) => (x / 1e6).toFixed(2);

const group = `M/M/c queue, λ=${LAMBDA}/s, ${1000 / MU} ms, c=${SERVERS} (ρ=0.9), ${CUSTOMERS / 1000}k customers`;

describe(group, () => {
  if ('exe' in python) {
    // Async, so tinybench does not make an untimed extra call to learn whether it is.
    bench(
      'Python heapq reference (peer, python3 child process)',
      async () => {
        const args = [LAMBDA, MU, SERVERS, CUSTOMERS, ++seed].map(String);
        // -S -E: no site-packages or environment, so start-up stays small and repeatable.
        const { stdout } = await runPython(python.exe, ['-S', '-E', REFERENCE, ...args]);
        const out = JSON.parse(stdout) as PythonOutput;
        pythonPasses.push({
          events: out.events,
          seconds: out.elapsed_s,
          meanWait: out.mean_wait_s,
        });
      },
      { warmupIterations: 0, warmupTime: 0, iterations: 2, time: 0 },
    );
  }

  bench(
    'simulateQueueAll (ours, Node)',
    () => {
      const start = performance.now();
      const result = simulateQueueAll(params, ++seed);
      const seconds = (performance.now() - start) / 1000;
      if (result.admitted !== result.arrivals) throw new Error('customers dropped without a room');
      nodePasses.push({ events: 2 * result.admitted, seconds });
    },
    { warmupIterations: 0, warmupTime: 0, iterations: 5, time: 0 },
  );
});

afterAll(() => {
  // The first Node pass runs cold (before the JIT has compiled the loop); leave it out.
  const node = nodePasses.slice(1).map((p) => p.events / p.seconds);
  const best = (rates: number[]) => Math.max(...rates);
  const median = (rates: number[]) => {
    const s = [...rates].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  if (node.length === 0) {
    console.log('queue DES: the Node simulation did not complete a measured pass');
    return;
  }
  const nodeRate = best(node);
  const target = `target ≥ 25×, ≥ 10 M events/s`;
  console.log(
    `Node: ${node.length} warm passes of ${mega(nodePasses[1]!.events)} M events, ` +
      `best ${mega(nodeRate)} M events/s, median ${mega(median(node))} M events/s`,
  );
  if ('error' in python || pythonPasses.length === 0) {
    const why = 'error' in python ? python.error : 'no run completed';
    console.log(
      `queue DES: ${mega(nodeRate)} M events/s in Node; the Python heapq peer could not run ` +
        `(${why}), so there is no ratio (${target})`,
    );
    return;
  }
  const py = pythonPasses.map((p) => p.events / p.seconds);
  const pyRate = best(py);
  const wait = pythonPasses.reduce((s, p) => s + p.meanWait, 0) / pythonPasses.length;
  console.log(
    `Python: ${py.length} runs of ${mega(pythonPasses[0]!.events)} M events (loop only), ` +
      `best ${mega(pyRate)} M events/s; mean wait ${(wait * 1000).toFixed(2)} ms ` +
      `(Erlang C ${(erlangCWait(LAMBDA, MU, SERVERS) * 1000).toFixed(2)} ms)`,
  );
  console.log(
    `queue DES: ${mega(nodeRate)} M events/s in Node vs ${mega(pyRate)} M events/s in Python ` +
      `heapq: ${(nodeRate / pyRate).toFixed(1)}× (${target})`,
  );
});
