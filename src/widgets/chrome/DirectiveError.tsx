/** Shown in place of a widget whose lesson directive is wrong (the content lint normally stops this). */
export function DirectiveError({
  widget,
  problems,
}: {
  widget: string;
  problems: readonly string[];
}) {
  return (
    <div className="block-error" role="alert">
      <p>
        <strong>This {widget} widget is set up wrongly in the lesson:</strong> {problems.join('; ')}
        .
      </p>
    </div>
  );
}
