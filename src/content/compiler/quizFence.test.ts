import { describe, expect, it } from 'vitest';
import type { Block, QuizBlock } from '../types.ts';
import { calculations } from '../../calc/registry.ts';
import { compileLesson } from './compileLesson.ts';

const front = `---
title: Quiz lesson
summary: A lesson used by the tests.
minutes: 5
difficulty: introductory
kind: gauntlet
tags: [test]
prerequisites: []
---
`;

const find = (blocks: Block[]): QuizBlock | undefined => {
  for (const b of blocks) {
    if (b.t === 'quiz') return b;
    if (b.t === 'el') {
      const inner = find(b.children);
      if (inner) return inner;
    }
  }
  return undefined;
};

describe('quiz and gauntlet fences', () => {
  it('compiles every question type, with Markdown and math typeset at build time', async () => {
    const out = await compileLesson(`${front}
::widget{type="queue" preset="normal-day" id="pool"}

\`\`\`gauntlet
id: g
title: A gauntlet
minutes: 2.5
questions:
  - id: one
    type: single
    prompt: Pick **one**, where $\\lambda = 2$.
    options: [First, Second]
    correct: 1
    explanation: Because.
  - id: two
    type: multiple
    prompt: Pick some.
    options: [A, B, C]
    correct: [2, 0]
    explanation: A and C.
  - id: three
    type: numeric
    prompt: How many?
    answer: 2000
    tolerance: 5%
    unit: calls
    explanation: Little's law.
  - id: four
    type: text
    prompt: Name them.
    accept: ['closed, open']
    unordered: true
    explanation: Two.
  - id: five
    type: ordering
    prompt: Order them.
    items: [First, Second, Third]
    explanation: In order.
  - id: six
    type: free
    prompt: Explain.
    model: A model answer.
    rubric: [One point, Another point]
    explanation: Why.
  - id: seven
    type: predict
    prompt: Predict.
    options: [Up, Down]
    correct: 0
    widget: pool
    explanation: Run it.
\`\`\`
`);
    expect(out.problems).toEqual([]);
    const quiz = find(out.blocks)?.quiz;
    expect(quiz).toMatchObject({ id: 'g', title: 'A gauntlet', timeLimitS: 150 });
    expect(quiz?.questions.map((q) => q.type)).toEqual([
      'single',
      'multiple',
      'numeric',
      'text',
      'ordering',
      'free',
      'predict',
    ]);
    const [one, two, three, , five, six] = quiz!.questions;
    expect(one?.prompt).toContain('<strong>one</strong>');
    expect(one?.prompt).toContain('class="katex"');
    expect(one).toMatchObject({ options: ['First', 'Second'], correct: 1, explanation: 'Because.' });
    expect(two).toMatchObject({ correct: [0, 2] });
    expect(three).toMatchObject({ answer: 2000, tolerance: { kind: 'relative', value: 0.05 }, unit: 'calls' });
    expect(five).toMatchObject({ items: ['First', 'Second', 'Third'] });
    expect(six).toMatchObject({ model: 'A model answer.', rubric: ['One point', 'Another point'] });
  });

  it('reports malformed quizzes with the line of the offending field', async () => {
    const out = await compileLesson(`${front}
\`\`\`gauntlet
id: g
title: Broken
questions:
  - id: a
    type: single
    prompt: P
    options: [x, y]
    correct: 2
    explanation: E
  - id: a
    type: numeric
    prompt: P
    answer: 3
    explanation: E
  - id: c
    type: predict
    prompt: P
    options: [x, y]
    correct: 0
    widget: nowhere
    explanation: E
\`\`\`
`);
    expect(out.problems).toEqual([
      { line: 12, message: 'gauntlet: minutes: a gauntlet needs a time limit: minutes: 5' },
      { line: 19, message: 'gauntlet: questions.0.correct: no option 2: options are numbered 0 to 1' },
      { line: 21, message: 'gauntlet: questions.1.id: duplicate question id "a" (also question 1)' },
      { line: 21, message: 'gauntlet: questions.1.tolerance: a numeric answer needs a tolerance, like tolerance: "5%" or tolerance: 0' },
    ]);
    // A broken quiz stays visible as its source, not silently dropped.
    expect(find(out.blocks)).toBeUndefined();
  });

  it('checks shapes and names the widget a prediction needs', async () => {
    const out = await compileLesson(`${front}
\`\`\`quiz
id: q
title: Untimed
questions:
  - id: a
    type: predict
    prompt: P
    options: [x, y]
    correct: 0
    widget: nowhere
    explanation: E
  - id: b
    type: essay
    prompt: P
\`\`\`
`);
    expect(out.problems.map((p) => p.line)).toEqual([23]);
    expect(out.problems[0]?.message).toContain('type is one of single, multiple');
    const ok = await compileLesson(`${front}
\`\`\`quiz
id: q
title: Untimed
questions:
  - id: a
    type: predict
    prompt: P
    options: [x, y]
    correct: 0
    widget: nowhere
    explanation: E
\`\`\`
`);
    expect(ok.problems).toEqual([
      { line: 20, message: 'predict-then-run question names widget "nowhere", but no ::widget on this page has id="nowhere"' },
    ]);
  });

  it('compiles a formula question, with default ranges and where-names', async () => {
    const out = await compileLesson(`${front}
\`\`\`quiz
id: fq
title: Formulas
questions:
  - id: tukey
    type: formula
    prompt: Upper fence?
    answer: Q3 + 1.5 IQR
    variables: [Q1, Q3]
    where: { IQR: Q3 - Q1 }
    explanation: E
  - id: pareto
    type: formula
    prompt: Capacity?
    answer: x_m r^(-1/alpha)
    variables: { x_m: null, r: [0.001, 0.5], α: [1.1, 5] }
    explanation: E
\`\`\`
`);
    expect(out.problems).toEqual([]);
    const [tukey, pareto] = find(out.blocks)!.quiz.questions;
    expect(tukey).toMatchObject({
      type: 'formula',
      answer: 'Q3 + 1.5 IQR',
      accept: [],
      variables: [
        { name: 'Q1', min: 1, max: 10 },
        { name: 'Q3', min: 1, max: 10 },
      ],
      where: [{ name: 'IQR', formula: 'Q3 - Q1' }],
    });
    expect(pareto).toMatchObject({
      variables: [
        { name: 'x_m', min: 1, max: 10 },
        { name: 'r', min: 0.001, max: 0.5 },
        { name: 'α', min: 1.1, max: 5 },
      ],
    });
  });

  it('fails a formula key that does not read, and a text answer that is a formula, on their lines', async () => {
    const out = await compileLesson(`${front}
\`\`\`quiz
id: bad
title: Bad
questions:
  - id: f
    type: formula
    prompt: P
    answer: Q3 + 1.5 fence
    variables: [Q3]
    explanation: E
  - id: t
    type: text
    prompt: P
    accept:
      - half
      - b/2
    explanation: E
\`\`\`
`);
    expect(out.problems).toEqual([
      {
        line: 18,
        message:
          'quiz: questions.0.answer: “fence” is not a name this question uses; its formula uses Q3.',
      },
      {
        line: 26,
        message:
          'quiz: questions.1.accept.1: "b/2" is a formula (it uses an operator): make this a formula question (type: formula)',
      },
    ]);
  });

  it('warns, without failing, when two accepted answers are one answer', async () => {
    const out = await compileLesson(`${front}
\`\`\`quiz
id: dup
title: Dup
questions:
  - id: t
    type: text
    prompt: P
    accept: [stabilization window, stabilisation window]
    explanation: E
\`\`\`
`);
    expect(out.problems).toEqual([]);
    expect(out.warnings).toEqual([
      {
        line: 18,
        message:
          'quiz: questions.0.accept.1: "stabilisation window" is the same answer as "stabilization window" once normalised; one of them is enough',
      },
    ]);
  });
});

describe('numbers in question text', () => {
  const quiz = (explanation: string) => `${front}
\`\`\`quiz
id: q
title: Numbers
questions:
  - id: load
    type: single
    prompt: How busy is the pool?
    options: [Busy, Idle]
    correct: 0
    explanation: ${explanation}
\`\`\`
`;

  it('come from :calc like the lesson body, and other `:word` text stays as written', async () => {
    const attrs = { of: 'queue.mmc', lambda: '1000', service: '0.02', servers: '22', metric: 'rho' };
    const expected = calculations['queue.mmc']!(attrs);
    expect(expected.ok).toBe(true);
    const out = await compileLesson(
      quiz(
        'The servers are :calc{of="queue.mmc" lambda="1000" service="0.02" servers="22" metric="rho"} busy; ratio 3:1, note:this.',
      ),
    );
    expect(out.problems).toEqual([]);
    const html = JSON.stringify(out.blocks);
    expect(html).toContain(`The servers are ${expected.ok ? expected.text : ''} busy`);
    expect(html).toContain('ratio 3:1, note:this.');
    expect(html).not.toContain(':calc');
  });

  it('a bad :calc in a question is a problem with the quiz’s line', async () => {
    const out = await compileLesson(quiz('About :calc{of="queue.nothing"} of them.'));
    expect(out.problems).toEqual([
      expect.objectContaining({
        line: 11,
        message: expect.stringContaining('q0.explanation: :calc needs of="…"') as string,
      }),
    ]);
  });
});
