import { describe, expect, it } from 'vitest';
import { presets } from './params';
import {
  bucketRows,
  capacityPerBucket,
  chartTop,
  comparisonRows,
  headline,
  niceCeil,
  summarize,
  theoryCheck,
  waveOutcome,
} from './report';
import { simulateStormAll } from './simulate';
import type { StrategyRun } from './types';

const herd = presets['thundering-herd'];
const result = simulateStormAll(herd.params, herd.seed);

/** A run where the dependency never came back in time: nobody served, no window after recovery. */
const nobody: StrategyRun = {
  jitter: 'full',
  served: new Uint32Array(3),
  rejected: new Uint32Array(3),
  down: new Uint32Array([10, 5, 5]),
  succeeded: 0,
  gaveUp: 10,
  gaveUpWhileDown: 10,
  attempts: 20,
  rejectedTotal: 0,
  peakWindow: 0,
  peakWindowAtS: 0,
  medianServedS: null,
  p95ServedS: null,
  lastServedS: null,
  lastAttemptS: 0.3,
};

describe('retry storm report', () => {
  it('has one cell per strategy in every row, and never prints NaN or Infinity', () => {
    for (const [name, preset] of Object.entries(presets)) {
      const r = simulateStormAll(preset.params, preset.seed);
      const rows = comparisonRows(r, preset.params.clients);
      expect(rows, name).toHaveLength(9);
      for (const row of rows) {
        expect(row.cells, `${name}: ${row.label}`).toHaveLength(4);
        for (const cell of row.cells) expect(cell).not.toMatch(/NaN|Infinity|undefined/);
      }
      expect(headline(r, preset.params)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('says "nobody served" in words rather than a blank or NaN', () => {
    const rows = comparisonRows({ ...result, runs: [nobody] }, 10);
    const cell = (label: string) => rows.find((r) => r.label.startsWith(label))?.cells[0];
    expect(cell('Clients served')).toBe('0 (0 %)');
    expect(cell('Gave up')).toBe('10 (100.0 %)');
    expect(cell('Of those who gave up')).toBe('10');
    expect(cell('Attempts')).toBe('20 (2×)');
    expect(cell('Busiest 100 ms')).toBe('no attempts after recovery');
    expect(cell('Median')).toBe('nobody served');
    expect(cell('95th')).toBe('nobody served');
    expect(cell('Last client')).toBe('nobody served');
    expect(summarize(nobody, 10, 100)).toBe(
      'Full jitter: 0 of 10 served; 10 gave up; no attempts reached it after recovery.',
    );
  });

  it('says so when every client gave up before the dependency came back', () => {
    const params = { ...herd.params, outageS: 600 };
    const r = simulateStormAll(params, 1);
    expect(headline(r, params)).toBe(
      'Every client had given up by 46.4 s, before the dependency came back at 10 min: no retry schedule here outlasts the outage.',
    );
    const one = simulateStormAll({ ...params, clients: 1, outageS: 0 }, 1);
    expect(headline(one, { ...params, clients: 1, outageS: 0 })).toBe(
      'The dependency came back at 0 ms and then served 100 requests in each 100 ms. Without jitter, 1 of 1 client was served in the end; with full jitter, 1.',
    );
  });

  it('reads the thundering herd as the lesson tells it', () => {
    const rows = comparisonRows(result, herd.params.clients);
    expect(rows[0]).toEqual({
      label: 'Clients served',
      cells: [
        expect.stringMatching(/^300 \(15\.0 %\)$/),
        expect.any(String),
        expect.any(String),
        expect.any(String),
      ],
    });
    expect(rows[2]).toEqual({
      label: 'Of those who gave up: every retry spent before recovery',
      cells: ['0', '74', '—', '689'],
    });
    expect(rows[5]!.label).toBe('Busiest 100 ms after recovery (it serves 100)');
    expect(rows[5]!.cells[0]).toBe('2,000 at 6.3 s');
    const none = result.runs[0]!;
    expect(summarize(none, 2000, result.perWindow)).toBe(
      'No jitter: 300 of 2,000 served; 1,700 gave up; busiest 100 ms after recovery: 2,000 attempts for a capacity of 100.',
    );
    expect(headline(result, herd.params)).toMatch(
      /^The dependency came back at 5 s and then served 100 requests in each 100 ms\. Without jitter, 300 of 2,000 clients were served in the end; with full jitter, [\d,]+\.$/,
    );
  });

  it('says the simulation agrees with the waves worked out by hand', () => {
    const check = theoryCheck(result.theory, result.runs[0]!);
    expect(check).toEqual({
      agrees: true,
      text: 'Worked out wave by wave: 300 served, 1,700 gave up, 17,700 attempts. Simulated without jitter: 300 served, 1,700 gave up, 17,700 attempts. They agree exactly.',
    });
  });

  it('names what differs when the simulation and the waves disagree', () => {
    const check = theoryCheck(result.theory, { ...result.runs[0]!, succeeded: 301 });
    expect(check.agrees).toBe(false);
    expect(check.text).toContain('They differ (served: 300 by hand, 301 simulated)');
  });

  it('describes each wave: down, all served, or how many were turned away', () => {
    expect(waveOutcome({ k: 1, atS: 0.1, retrying: 2000, served: 0 }, 5)).toBe(
      'all fail: still down',
    );
    expect(waveOutcome({ k: 6, atS: 6.3, retrying: 2000, served: 100 }, 5)).toBe(
      '1,900 turned away',
    );
    expect(waveOutcome({ k: 6, atS: 6.3, retrying: 500, served: 500 }, 5)).toBe('all served');
  });

  it('lists only the buckets that saw attempts, and scales capacity to the bucket', () => {
    const rows = bucketRows(nobody, 0.5);
    expect(rows).toEqual([
      { fromS: 0, served: 0, rejected: 0, down: 10 },
      { fromS: 0.5, served: 0, rejected: 0, down: 5 },
      { fromS: 1, served: 0, rejected: 0, down: 5 },
    ]);
    expect(capacityPerBucket({ ...result, perWindow: 500, bucketS: 0.5 })).toBe(2500);
    const total = bucketRows(result.runs[1]!, result.bucketS).reduce(
      (sum, b) => sum + b.served + b.rejected + b.down,
      0,
    );
    expect(total).toBe(result.runs[1]!.attempts);
  });

  it('zooms the chart to what the service saw once back, and says when bars are cut off', () => {
    expect([0.3, 1, 1.2, 2, 2.2, 3, 7, 100, 101, 2000].map(niceCeil)).toEqual([
      0.5, 1, 2, 2, 2.5, 5, 10, 100, 200, 2000,
    ]);
    // No jitter: the 2,000-strong wave after recovery sets the height; nothing is cut off.
    expect(chartTop(result.runs[0]!, 100)).toEqual({ top: 2000, clipped: false });
    // Full jitter: the first tries at 0 s would dwarf the rest, so they are cut off.
    const full = chartTop(result.runs[1]!, 100);
    expect(full.top).toBeGreaterThanOrEqual(200);
    expect(full.top).toBeLessThan(2000);
    expect(full.clipped).toBe(true);
    expect(chartTop(nobody, 100)).toEqual({ top: 200, clipped: false });
  });
});
