import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { reveal } from './fixtures';

/** Page objects: find things the way a learner (or a screen reader) does — by role and name. */
export class HomePage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/');
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  lessonLink(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  module(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}

export class LessonPage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  toc(): Locator {
    return this.page.getByRole('navigation', { name: 'On this page' });
  }

  markComplete(): Locator {
    return this.page.getByRole('button', { name: /Mark complete|Completed/ });
  }

  body(): Locator {
    return this.page.locator('.lesson-body');
  }

  async waitForBody() {
    await this.toc().waitFor();
  }

  themeRadio(name: 'System' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('radio', { name });
  }
}

export class BreakerWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Circuit breaker simulator' });
  }

  async open(path = '/learn/control-distribution/circuit-breakers') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  transitions(): Locator {
    return this.root.getByRole('list', { name: 'Breaker transitions' }).getByRole('listitem');
  }

  status(): Locator {
    return this.root.locator('.run-status').filter({ hasText: /Simulated|Simulating|Preparing/ });
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text =
      seed === undefined
        ? /^Simulated [\d,]+ calls/
        : new RegExp(`^Simulated [\\d,]+ calls \\(both runs, seed ${seed}\\)`);
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 30_000 });
  }

  /** The transition log as "FROM → TO" pairs. */
  async path(): Promise<string[]> {
    const items = await this.transitions().allInnerTexts();
    return items.map((t) => {
      const m = /(CLOSED|OPEN|HALF_OPEN)\s*→\s*(CLOSED|OPEN|HALF_OPEN)/.exec(t);
      return m ? `${m[1]}→${m[2]}` : t;
    });
  }
}

export class QueueWidget {
  readonly root: Locator;
  /** The lesson has two calculators; `index` picks one (0: normal day, 1: sale peak). */
  constructor(
    readonly page: Page,
    index = 0,
  ) {
    this.root = page.getByRole('region', { name: 'Queue calculator' }).nth(index);
  }

  async open(path = '/learn/probability/queueing') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  comparison(): Locator {
    return this.root.getByRole('table').filter({ hasText: 'Theory (' });
  }

  /** The comparison row for a quantity, as its cells' texts. */
  async row(quantity: RegExp): Promise<string[]> {
    return this.comparison()
      .getByRole('row')
      .filter({ hasText: quantity })
      .first()
      .getByRole('cell')
      .allInnerTexts();
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text = new RegExp(
      `^Simulated [\\d,.]+ s of traffic \\([\\d,]+ arrivals after the warm-up, seed ${seed ?? '\\d+'}\\)`,
    );
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 30_000 });
  }
}

export class RetryStormWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Retry storm simulator' });
  }

  async open(path = '/learn/probability/retries-jitter') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  /** The four strategies side by side. */
  comparison(): Locator {
    return this.root.getByRole('table', { name: 'The same outage under each jitter strategy' });
  }

  /** The waves of retries without jitter, worked out by hand. */
  waves(): Locator {
    return this.root.getByRole('table', { name: 'The waves of retries without jitter' });
  }

  /** A comparison row's cells, one per strategy: No jitter, Full, Equal, Decorrelated. */
  async row(outcome: RegExp): Promise<string[]> {
    return this.comparison()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: outcome }) })
      .getByRole('cell')
      .allInnerTexts();
  }

  /** Clients served per strategy, as numbers. */
  async served(): Promise<number[]> {
    const cells = await this.row(/^Clients served/);
    return cells.map((c) => Number(/^[\d,]+/.exec(c)?.[0].replace(/,/g, '') ?? Number.NaN));
  }

  strategy(name: 'No jitter' | 'Full jitter' | 'Equal jitter' | 'Decorrelated jitter'): Locator {
    return this.root
      .getByRole('group', { name: 'Strategy in the chart' })
      .getByRole('radio', { name });
  }

  /** The chart of the strategy picked, named by what it shows. */
  chart(): Locator {
    return this.root.getByRole('img', { name: /attempts in each/ });
  }

  /** The sentence that sums up the charted strategy (announced politely). */
  summary(): Locator {
    return this.root.getByText(/^(No|Full|Equal|Decorrelated) jitter: [\d,]+ of [\d,]+ served/);
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text = new RegExp(
      `^Simulated [\\d,]+ clients under four jitter strategies \\(seed ${seed ?? '\\d+'}\\)`,
    );
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 30_000 });
  }
}

export class AutoscalerWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Autoscaler simulator' });
  }

  async open(path = '/learn/control-distribution/autoscaling') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  /** The three strategies side by side. */
  comparison(): Locator {
    return this.root.getByRole('table', { name: 'The same traffic under each autoscaler' });
  }

  /** A comparison row's cells, one per strategy: Reactive, Stabilised, Predictive. */
  async row(outcome: RegExp): Promise<string[]> {
    return this.comparison()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: outcome }) })
      .getByRole('cell')
      .allInnerTexts();
  }

  /** Requests not served per strategy, as numbers. */
  async unserved(): Promise<number[]> {
    const cells = await this.row(/^Requests not served/);
    return cells.map((c) =>
      c === 'none' ? 0 : Number(/^[\d,]+/.exec(c)?.[0].replace(/,/g, '') ?? Number.NaN),
    );
  }

  /** The paragraphs that work the ramp out beside the simulation. */
  theory(): Locator {
    return this.root.locator('.autoscaler-theory');
  }

  /** A radio of the charted strategy; the stabilised one's name carries its window. */
  strategy(name: 'Reactive' | 'Stabilised' | 'Predictive'): Locator {
    return this.root
      .getByRole('group', { name: 'Strategy in the charts' })
      .getByRole('radio', { name: name === 'Stabilised' ? /^Stabilised/ : name, exact: true });
  }

  /** The replicas chart of the strategy picked, named by what it shows. */
  chart(): Locator {
    return this.root.getByRole('img', { name: /replicas the demand needs/ });
  }

  /** The utilisation chart of the strategy picked. */
  utilisationChart(): Locator {
    return this.root.getByRole('img', { name: /true utilisation \(demand ÷ ready capacity\)/ });
  }

  /** The sentence that sums up the charted strategy (announced politely). */
  summary(): Locator {
    return this.root.getByText(
      /^(Reactive|Stabilised \([^)]*\)|Predictive): (every request served|[\d,]+ \()/,
    );
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text = new RegExp(
      `^Simulated [\\d,]+ minutes of traffic under three autoscalers \\(seed ${seed ?? '\\d+'}\\)`,
    );
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 30_000 });
  }
}

/** How many lessons a module has, read from content/ (so adding a lesson does not break tests). */
export function lessonCount(moduleId: string): number {
  return readdirSync(path.join(import.meta.dirname, '..', 'content', moduleId)).filter((f) =>
    /^\d+-[a-z0-9-]+\.md$/.test(f),
  ).length;
}

/** Every lesson in content/, as its module, file and address, in file order. */
export function allLessons(): { moduleId: string; file: string; path: string }[] {
  const root = path.join(import.meta.dirname, '..', 'content');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(root, d.name))
        .filter((f) => /^\d+-[a-z0-9-]+\.md$/.test(f))
        .sort()
        .map((file) => ({
          moduleId: d.name,
          file,
          path: `/learn/${d.name}/${file.replace(/^\d+-/, '').replace(/\.md$/, '')}`,
        })),
    );
}

export class SagaWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Saga orchestrator', exact: true });
  }

  async open(path = '/learn/control-distribution/sagas') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  outcomes(): Locator {
    return this.root.getByRole('table', { name: 'Outcomes under each orchestrator' });
  }

  /** An outcome row's cells: Naive, Correct. */
  async row(outcome: RegExp): Promise<string[]> {
    return this.outcomes()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: outcome }) })
      .getByRole('cell')
      .allInnerTexts();
  }

  theory(): Locator {
    return this.root.getByRole('table', { name: 'Formulas against the simulation' });
  }

  orchestrator(name: 'Naive' | 'Correct'): Locator {
    return this.root.getByRole('group', { name: 'Orchestrator' }).getByRole('radio', { name });
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text = new RegExp(
      `^Simulated [\\d,]+ sagas under both orchestrators \\(seed ${seed ?? '\\d+'}\\)`,
    );
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 30_000 });
  }
}

export class ConsensusWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Split brain and quorum lab', exact: true });
  }

  async open(path = '/learn/probability/consensus') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  table(name: string | RegExp): Locator {
    return this.root.getByRole('table', { name });
  }

  /** A row's cells (after its header) in the named table. */
  async row(table: string | RegExp, header: RegExp): Promise<string[]> {
    return this.table(table)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: header }) })
      .getByRole('cell')
      .allInnerTexts();
  }

  /** A totals row's cells: Naive failover, Majority quorum. */
  async total(measure: RegExp): Promise<string[]> {
    return this.row('Totals under each scheme', measure);
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text = new RegExp(
      `^Simulated \\d+ steps of \\d+ nodes under both schemes.*\\(seed ${seed ?? '\\d+'}\\)`,
    );
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 30_000 });
  }
}

export class CascadeWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Cascade and metastability lab' });
  }

  async open(path = '/learn/probability/cascades') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  /** The sentence that sums up the run (announced politely). */
  summary(): Locator {
    return this.root.getByTestId('cascade-summary');
  }

  theory(): Locator {
    return this.root.getByRole('table', { name: 'Theory beside simulation' });
  }

  /** A theory row's formula and simulation cells. */
  async theoryRow(label: RegExp): Promise<string[]> {
    return this.theory()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label }) })
      .getByRole('cell')
      .allInnerTexts();
  }

  lyapunov(): Locator {
    return this.root.getByRole('table', {
      name: 'The Lyapunov exponent, measured and from the formula',
    });
  }

  chart(): Locator {
    return this.root.getByRole('img', { name: /^The pool up to/ });
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text = new RegExp(`^Simulated [\\d,]+ s of the pool .*\\(seed ${seed ?? '\\d+'}\\)`);
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 60_000 });
  }
}

export class KillSwitchWidget {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Kill switch drill', exact: true });
  }

  async open(path = '/learn/control-distribution/kill-switches') {
    await this.page.goto(path);
    await reveal(this.root);
    await this.root.waitFor();
  }

  scenario(): Locator {
    return this.root.getByLabel('Scenario');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  designs(): Locator {
    return this.root.getByRole('table', { name: 'Outcomes under each design' });
  }

  /** A row's cells: your design, the three variations, no switch. */
  async row(label: RegExp): Promise<string[]> {
    return this.designs()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label }) })
      .getByRole('cell')
      .allInnerTexts();
  }

  theory(): Locator {
    return this.root.getByRole('table', { name: 'Formulas against the simulation' });
  }

  /** Waits until a finished run is on screen (for `seed`, when given). */
  async waitForRun(seed?: number) {
    const text = new RegExp(
      `^Simulated [\\d,]+ runs of the incident under five designs \\(seed ${seed ?? '\\d+'}\\)`,
    );
    await expect(this.root.getByText(text)).toBeVisible({ timeout: 60_000 });
  }
}
