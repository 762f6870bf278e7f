import mermaid from 'mermaid';
import { useEffect, useId, useState } from 'react';
import { useResolvedTheme } from '../../app/theme';

type Result = { svg: string } | { error: string } | null;

/** Mermaid serialises renders internally; keep ours in one queue too so themes never interleave. */
let queue: Promise<unknown> = Promise.resolve();

function render(id: string, source: string, theme: 'light' | 'dark'): Promise<Result> {
  const job = queue.then(async (): Promise<Result> => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: theme === 'dark' ? 'dark' : 'default',
      fontFamily: 'inherit',
      // Mermaid 12 lays flowcharts and state diagrams out with ELK by default, which loads
      // elkjs (about 450 KB gzip). Dagre draws every diagram here; a diagram that wants ELK
      // asks for it in its own front matter (`config: {layout: elk}`), which wins over this.
      layout: 'dagre',
    });
    try {
      const { svg } = await mermaid.render(id, source);
      return { svg };
    } catch (error) {
      // mermaid leaves a stray error node in <body> when a render fails.
      document.getElementById(`d${id}`)?.remove();
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

export default function MermaidRenderer({ source, label }: { source: string; label: string }) {
  const theme = useResolvedTheme();
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [result, setResult] = useState<Result>(null);
  useEffect(() => {
    let live = true;
    void render(id, source, theme).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [id, source, theme]);

  if (!result) {
    return (
      <div className="diagram-placeholder" aria-hidden="true" data-near-loading="">
        Drawing diagram…
      </div>
    );
  }
  if ('error' in result) {
    return (
      <div className="diagram-error" role="alert">
        <p>
          <strong>This diagram could not be drawn.</strong> Mermaid said: {result.error}
        </p>
        <pre>
          <code>{source}</code>
        </pre>
      </div>
    );
  }
  // The SVG comes from mermaid with securityLevel 'strict' (its own DOMPurify pass), from
  // source that was part of the build, never from user input.
  return (
    <div
      className="diagram-svg"
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: result.svg }}
    />
  );
}
