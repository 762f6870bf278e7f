import type { WidgetBlock } from '../types';

/**
 * Where a `::widget{type=...}` directive renders. The content lint only lets through widget
 * types listed in src/widgets/catalog.ts; each widget registers its view here when it lands.
 */
export function WidgetSlot({ block }: { block: WidgetBlock }) {
  return (
    <div className="block-error" role="alert">
      <p>
        <strong>The “{block.type}” widget is not part of this build.</strong> The lesson text still
        works without it.
      </p>
    </div>
  );
}
