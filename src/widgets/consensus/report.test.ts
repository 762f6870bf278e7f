import { describe, expect, it } from 'vitest';
import { calcConsensus } from './calc.ts';
import { fromDirective } from './directive.ts';
import { checkConsensusForm, paramsToForm } from './form.ts';
import { presets } from './params.ts';
import { cursorText, headline, placementRows, reignRows, sideRows, stateRows } from './report.ts';
import { simulateConsensusAll } from './simulate.ts';

const r = simulateConsensusAll(presets['clean-partition'].params, presets['clean-partition'].seed);

describe('the words of the clean partition', () => {
  it('headline', () => {
    expect(headline(r)).toBe(
      'Naive failover acknowledged 88 writes of 90, with up to 2 primaries at once, 56 conflicting and 30 writes lost. Majority quorum acknowledged 58 writes, refused 32, and lost 0, with 0 conflicting.',
    );
  });

  it('writes per side', () => {
    expect(sideRows(r)).toEqual([
      ['0–9', 'A, B, C, D, E (5 of 5)', '10', '10'],
      ['10–39', 'A, B (2 of 5)', '30', '0'],
      ['10–39', 'C, D, E (3 of 5)', '28', '28'],
      ['40–59', 'A, B, C, D, E (5 of 5)', '20', '20'],
    ]);
  });

  it('leaders per term', () => {
    expect(reignRows(r, 'quorum')).toEqual([
      ['1', 'A', '0–39', '10'],
      ['2', 'E', '12–59', '48'],
    ]);
  });

  it('the state at the cursor and in words', () => {
    expect(stateRows(r, 20)[0]).toEqual(['A', '1', '1', 'primary, promotion 1', 'leader, term 1']);
    expect(stateRows(r, 20)[4]).toEqual(['E', '3', '2', 'primary, promotion 2', 'leader, term 2']);
    expect(cursorText(r, 20)).toBe(
      'At step 20: 2 primaries under naive failover, 2 nodes acting as leader under the quorum rule; writes lost so far: naive 0, quorum 0.',
    );
    expect(cursorText(r, 45)).toMatch(/1 primary under naive.*naive 30, quorum 0/);
  });

  it('placements, with the formula beside the measurement', () => {
    const rows = placementRows(r);
    expect(rows.map((x) => x.slice(0, 4))).toEqual([
      ['5', '0 of 5 (need 3)', 'no', '99.899 %'],
      ['3 + 2', '2 of 5 (need 3)', 'no', '99.896 %'],
      ['3 + 1 + 1', '2 of 5 (need 3)', 'no', '99.899 %'],
      ['2 + 2 + 1 (this run)', '3 of 5 (need 3)', 'yes', '99.99273 %'],
    ]);
    expect(rows.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('directive, form and :calc', () => {
  it('the directive takes overrides and explains bad ones', () => {
    const ok = fromDirective({ preset: 'clean-partition', layout: '3,1,1', steps: '80' });
    expect(ok.ok && ok.params.layout).toEqual([3, 1, 1]);
    const bad = fromDirective({ preset: 'clean-partition', layout: 'three', mode: 'chaos' });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'layout must list the nodes in each zone, like "2,2,1", not "three"',
      'mode must be one of script, random, not "chaos"',
    ]);
    const script = fromDirective({ preset: 'clean-partition', layout: '1,1' });
    expect(script.ok ? [] : script.problems[0]).toMatch(/no node “c” \(the nodes are A to B\)/);
  });

  it('the form round-trips a preset and explains a bad placement at its field', () => {
    const p = presets['zone-loss-311'].params;
    expect(checkConsensusForm(paramsToForm(p)).params).toEqual(p);
    const bad = checkConsensusForm({ ...paramsToForm(p), layout: 'two and one' });
    expect(bad.params).toBeNull();
    expect(bad.fieldErrors.layout).toBe('Enter the nodes in each zone, like 2, 2, 1.');
    const big = checkConsensusForm({ ...paramsToForm(p), layout: '4, 4' });
    expect(big.fieldErrors.layout).toBe('The placement has 8 nodes; the lab runs 2 to 7');
  });

  it(':calc quotes the same run', () => {
    const q = (a: Record<string, string>) => {
      const c = calcConsensus({ of: 'consensus.run', ...a });
      return c.ok ? c.text : c.problems.join('; ');
    };
    expect(q({ preset: 'clean-partition', scheme: 'naive', metric: 'lost' })).toBe('30');
    expect(q({ preset: 'clean-partition', metric: 'lost' })).toBe('0');
    expect(q({ preset: 'clean-partition', scheme: 'quorum', metric: 'refused' })).toBe('32');
    expect(q({ preset: 'zone-loss-311', metric: 'lossShare' })).toBe('0 %');
    expect(q({ preset: 'clean-partition', metric: 'nope' })).toMatch(/^metric must be one of/);
  });
});
