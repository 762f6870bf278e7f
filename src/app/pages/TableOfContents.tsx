import type { Heading } from '../../content/types';

export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <details open>
        <summary id="toc-title">On this page</summary>
        <ol>
          {headings.map((h) => (
            <li key={h.id} className={h.depth === 3 ? 'toc-sub' : undefined}>
              <a href={`#${h.id}`}>{h.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
