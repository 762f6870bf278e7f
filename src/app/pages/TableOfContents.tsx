import type { Heading } from '../../content/types';

/** Sections (##) numbered in order, each with its subsections (###) listed beneath it. */
export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  const sections: { heading: Heading; subs: Heading[] }[] = [];
  for (const h of headings) {
    const last = sections.at(-1);
    if (h.depth === 3 && last) last.subs.push(h);
    else sections.push({ heading: h, subs: [] });
  }
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <details open>
        <summary id="toc-title">On this page</summary>
        <ol>
          {sections.map(({ heading, subs }) => (
            <li key={heading.id}>
              <a href={`#${heading.id}`}>{heading.text}</a>
              {subs.length > 0 && (
                <ul className="toc-sub">
                  {subs.map((s) => (
                    <li key={s.id}>
                      <a href={`#${s.id}`}>{s.text}</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
