"""Reference M/M/c FIFO queue simulation in pure Python (standard library only).

The peer for bench/queue.bench.ts: a straightforward event-calendar simulation, the way a
textbook or a notebook would write it. A heapq calendar holds (time, sequence, kind, server)
events; an arrival takes a free server or joins a deque; a departure frees its server or
starts the next customer in line. Arrivals stop after the given number of customers and the
calendar is then drained, so every customer arrives and departs: events = 2 x customers.

Usage: python3 mmc_heapq.py LAMBDA MU SERVERS CUSTOMERS SEED
Prints one JSON line: {"events", "elapsed_s", "mean_wait_s", "customers", ...}.
"""

import heapq
import json
import random
import sys
import time
from collections import deque

ARRIVAL = 0
DEPARTURE = 1


def simulate(lam, mu, servers, customers, seed):
    rng = random.Random(seed)
    calendar = []  # (time, sequence, kind); the sequence breaks ties in a fixed order
    waiting = deque()  # arrival times of customers in line
    free = servers
    seq = 0
    arrived = 0
    served = 0
    events = 0
    total_wait = 0.0

    heapq.heappush(calendar, (rng.expovariate(lam), seq, ARRIVAL))
    seq += 1
    arrived += 1

    start = time.perf_counter()
    while calendar:
        now, _, kind = heapq.heappop(calendar)
        events += 1
        if kind == ARRIVAL:
            if arrived < customers:
                heapq.heappush(calendar, (now + rng.expovariate(lam), seq, ARRIVAL))
                seq += 1
                arrived += 1
            if free > 0:
                free -= 1
                served += 1
                heapq.heappush(calendar, (now + rng.expovariate(mu), seq, DEPARTURE))
                seq += 1
            else:
                waiting.append(now)
        else:
            if waiting:
                arrived_at = waiting.popleft()
                total_wait += now - arrived_at
                served += 1
                heapq.heappush(calendar, (now + rng.expovariate(mu), seq, DEPARTURE))
                seq += 1
            else:
                free += 1
    elapsed = time.perf_counter() - start

    return {
        "events": events,
        "elapsed_s": elapsed,
        "mean_wait_s": total_wait / served if served else 0.0,
        "customers": served,
        "simulated_s": now if events else 0.0,
        "python": sys.version.split()[0],
    }


def main(argv):
    if len(argv) != 6:
        sys.stderr.write("usage: mmc_heapq.py LAMBDA MU SERVERS CUSTOMERS SEED\n")
        return 2
    lam, mu = float(argv[1]), float(argv[2])
    servers, customers, seed = int(argv[3]), int(argv[4]), int(argv[5])
    if lam <= 0 or mu <= 0 or servers < 1 or customers < 1:
        sys.stderr.write("need LAMBDA > 0, MU > 0, SERVERS >= 1, CUSTOMERS >= 1\n")
        return 2
    print(json.dumps(simulate(lam, mu, servers, customers, seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
