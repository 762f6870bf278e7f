import { widgetTitles } from '../../widgets/titles';
import { widgetViews } from '../../widgets/views';
import type { WidgetBlock } from '../types';
import { NearViewport } from './NearViewport';

/**
 * Where a `::widget{type=...}` directive renders: the widget's view, loaded when it comes near
 * the screen, behind a placeholder of the same name and height (per type, in styles.css). The content lint only lets through types
 * listed in src/widgets/catalog.ts.
 */
export function WidgetSlot({ block }: { block: WidgetBlock }) {
  const View = widgetViews[block.type];
  const title = (widgetTitles as Record<string, string>)[block.type] ?? block.type;
  if (!View) {
    return (
      <div className="block-error" role="alert">
        <p>
          <strong>The “{title}” widget is not part of this build.</strong> The lesson text still works without it.
        </p>
      </div>
    );
  }
  const widgetId = block.attrs.id ?? block.type;
  // A shared scenario link (`?w=<id>&…`) is opened for its widget: load that one at once.
  const linked = new URLSearchParams(window.location.search).get('w') === widgetId;
  return (
    <NearViewport
      eager={linked}
      placeholder={({ ref, loading }) => (
        <section
          ref={ref}
          className="widget widget-loading"
          data-widget={block.type}
          aria-label={title}
          aria-busy="true"
          {...loading}
        >
          <h3>{title}</h3>
          <div className="chart-placeholder">Loading the simulator…</div>
        </section>
      )}
    >
      <View attrs={block.attrs} widgetId={widgetId} />
    </NearViewport>
  );
}
