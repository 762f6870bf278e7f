import type { Reporter } from 'vitest/node';

/**
 * Each bench file logs its verdict, a ratio against its named peer with the target in
 * parentheses ("… 27.1× (target ≥ 25×, …)"), in its afterAll. Vitest prints its own tables and
 * summary after everything a bench file logs, so this reporter, listed after the default one,
 * repeats those verdict lines at the very end: the output's last line is a ratio.
 */
export default class RatioReporter implements Reporter {
  private readonly verdicts: string[] = [];

  onUserConsoleLog(log: { content: string }): void {
    for (const line of log.content.split('\n')) {
      if (line.includes('(target ≥')) this.verdicts.push(line.trim());
    }
  }

  onTestRunEnd(): void {
    if (this.verdicts.length === 0) return;
    process.stdout.write(`\nRatios against each peer:\n${this.verdicts.join('\n')}\n`);
  }
}
