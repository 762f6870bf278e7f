import type { Block } from '../types';

/** The id each widget on the page answers scenario links to (`?w=<id>`). */
export function widgetIdsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) =>
    b.t === 'widget'
      ? [b.attrs.id ?? b.type]
      : b.t === 'el' && b.html === undefined
        ? widgetIdsOf(b.children)
        : [],
  );
}

/**
 * A scenario link (`?w=<id>&…`) is read by the widget it names; one that names no widget on
 * this page would otherwise be ignored without a word.
 */
export function LinkTargetNotice({
  blocks,
  search,
}: {
  blocks: readonly Block[];
  search: string;
}) {
  const named = new URLSearchParams(search).get('w');
  if (named === null || widgetIdsOf(blocks).includes(named)) return null;
  const shown = named.length > 60 ? `${named.slice(0, 60)}…` : named;
  return (
    <p className="form-error" role="alert">
      This link is for a widget named “{shown}”, which is not on this page, so its settings were
      not used. The lesson’s own scenarios are shown instead.
    </p>
  );
}
