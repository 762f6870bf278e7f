/** Types shared by the widget registry (views.ts) and every view, so neither imports the other. */
export interface WidgetViewProps {
  /** Attributes from the lesson's `::widget{...}` directive, already checked by the content lint. */
  attrs: Readonly<Record<string, string>>;
  /** Stable id for the widget's region and its scenario links. */
  widgetId: string;
}
