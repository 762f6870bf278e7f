import type * as Solution from './solution';
import { CheckFailure, expectEqual, FakeClock } from 'kit';
import type { Check } from 'kit';

type Mod = typeof Solution;
type Step = Solution.SagaStep;
type Result = Solution.SagaResult;

/**
 * Steps named `names`, each taking 10 ms of fake-clock time to act and 10 ms to compensate,
 * writing "do:a@0", "undo:a@40" and so on to a shared log. `failAction` names the step whose
 * action rejects with Error("<name> failed"); `failUndo` the steps whose compensation rejects.
 */
function saga(names: string[], failAction: string | null = null, failUndo: string[] = []) {
  const clock = new FakeClock();
  const log: string[] = [];
  const steps: Step[] = names.map((name) => ({
    name,
    async action() {
      log.push(`do:${name}@${clock.now()}`);
      await clock.sleep(10);
      if (name === failAction) throw new Error(`${name} failed`);
    },
    async compensate() {
      log.push(`undo:${name}@${clock.now()}`);
      await clock.sleep(10);
      if (failUndo.includes(name)) throw new Error(`could not undo ${name}`);
    },
  }));
  return { clock, log, steps };
}

/** Runs the saga, lets 1 s of fake time pass, and returns its result (or fails the check). */
async function run(mod: Mod, clock: FakeClock, steps: Step[]): Promise<Result> {
  let outcome: { result: Result } | { error: unknown } | null = null;
  mod.runSaga(steps).then(
    (result) => (outcome = { result }),
    (error: unknown) => (outcome = { error }),
  );
  await clock.advance(1000);
  const o = outcome as { result: Result } | { error: unknown } | null;
  if (o === null) throw new CheckFailure('runSaga had not finished after 1 s of fake time');
  if ('error' in o)
    throw new CheckFailure(
      'runSaga rejected; it should always resolve with a SagaResult',
      'a SagaResult',
      `rejected with ${o.error instanceof Error ? o.error.message : String(o.error)}`,
    );
  return o.result;
}

const checks: Check<Mod>[] = [
  {
    title: 'Runs the steps one after another and reports completion',
    objective: 'A saga’s forward path runs each step only after the previous one has finished.',
    hint: 'Await each action before starting the next one; when all succeed, the status is "completed" with every name in completed.',
    async run(mod) {
      const { clock, log, steps } = saga(['reserve', 'charge', 'ship']);
      const r = await run(mod, clock, steps);
      expectEqual(log, ['do:reserve@0', 'do:charge@10', 'do:ship@20'], 'actions and their start times');
      expectEqual(r.status, 'completed', 'status');
      expectEqual(r.completed, ['reserve', 'charge', 'ship'], 'completed');
      expectEqual(
        [r.compensated, r.failedCompensations, r.failedStep, r.error],
        [[], [], null, null],
        '[compensated, failedCompensations, failedStep, error] after a clean run',
      );
    },
  },
  {
    title: 'Stops at the first failed step and reports it',
    objective:
      'When a step fails, the saga runs no further actions and says which step failed and why, instead of crashing.',
    hint: 'Wrap each action in try/catch. On a failure, record the step’s name and the error’s message, and leave the loop.',
    async run(mod) {
      const { clock, log, steps } = saga(['reserve', 'charge', 'ship'], 'charge');
      const r = await run(mod, clock, steps);
      expectEqual(
        log.filter((l) => l.startsWith('do:')),
        ['do:reserve@0', 'do:charge@10'],
        'actions that ran',
      );
      expectEqual(r.failedStep, 'charge', 'failedStep');
      expectEqual(r.error, 'charge failed', 'error');
      expectEqual(r.completed, ['reserve'], 'completed');
    },
  },
  {
    title: 'Undoes the completed steps, newest first',
    objective:
      'Compensation runs backwards: later steps may depend on earlier ones, so they are undone first. The failed step itself is not compensated.',
    hint: 'Keep the steps whose action succeeded; after a failure, walk that list from the end to the start calling compensate().',
    async run(mod) {
      const { clock, log, steps } = saga(['reserve', 'charge', 'ship', 'notify'], 'notify');
      const r = await run(mod, clock, steps);
      expectEqual(
        log.filter((l) => l.startsWith('undo:')).map((l) => l.split('@')[0]),
        ['undo:ship', 'undo:charge', 'undo:reserve'],
        'compensations, in the order they ran',
      );
      expectEqual(r.compensated, ['ship', 'charge', 'reserve'], 'compensated');
      expectEqual(r.status, 'compensated', 'status');
    },
  },
  {
    title: 'Compensations run one at a time',
    objective:
      'Each compensation waits for the previous one, so undoing a step never races with undoing the step it built on.',
    hint: 'Await each compensate() in turn rather than starting them all at once.',
    async run(mod) {
      const { clock, log, steps } = saga(['reserve', 'charge', 'ship'], 'ship');
      await run(mod, clock, steps);
      // The actions take 0–30 ms; the compensations should start at 30 and 40 ms.
      expectEqual(
        log.filter((l) => l.startsWith('undo:')),
        ['undo:charge@30', 'undo:reserve@40'],
        'compensations and their start times',
      );
    },
  },
  {
    title: 'A failed compensation is flagged and the rest still run',
    objective:
      'One stuck compensation must not strand the others: record it for a person to fix and keep undoing.',
    hint: 'Give each compensate() its own try/catch. On failure, add the name to failedCompensations and continue; the status is then "needs-manual-intervention".',
    async run(mod) {
      const { clock, log, steps } = saga(['reserve', 'charge', 'ship', 'notify'], 'notify', ['charge']);
      const r = await run(mod, clock, steps);
      expectEqual(
        log.filter((l) => l.startsWith('undo:')).map((l) => l.split('@')[0]),
        ['undo:ship', 'undo:charge', 'undo:reserve'],
        'compensations attempted',
      );
      expectEqual(r.compensated, ['ship', 'reserve'], 'compensated');
      expectEqual(r.failedCompensations, ['charge'], 'failedCompensations');
      expectEqual(r.status, 'needs-manual-intervention', 'status');
    },
  },
  {
    title: 'A failing first step leaves nothing to undo',
    objective: 'Only completed steps are compensated; if none completed, the saga is cleanly rolled back.',
    hint: 'Compensate only the steps whose action finished. With none, the status after a failure is still "compensated".',
    async run(mod) {
      const { clock, log, steps } = saga(['reserve', 'charge'], 'reserve');
      const r = await run(mod, clock, steps);
      expectEqual(log, ['do:reserve@0'], 'everything that ran');
      expectEqual(r.status, 'compensated', 'status');
      expectEqual([r.completed, r.compensated], [[], []], '[completed, compensated]');
      expectEqual(r.failedStep, 'reserve', 'failedStep');
    },
  },
  {
    title: 'An action that throws straight away counts as a failure',
    objective:
      'Steps written without async can throw before returning a promise; the orchestrator must treat that exactly like a rejection.',
    hint: 'Make sure the call to action() itself is inside the try, not only the await of its result.',
    async run(mod) {
      const { clock, log, steps } = saga(['reserve', 'charge', 'ship']);
      const charge = steps[1]!;
      steps[1] = {
        name: charge.name,
        action: () => {
          throw new Error('card number missing');
        },
        compensate: () => charge.compensate(),
      };
      const r = await run(mod, clock, steps);
      expectEqual(r.failedStep, 'charge', 'failedStep');
      expectEqual(r.error, 'card number missing', 'error');
      expectEqual(r.compensated, ['reserve'], 'compensated');
      expectEqual(log, ['do:reserve@0', 'undo:reserve@10'], 'everything that ran');
    },
  },
];

export default checks;
