/**
 * Stands in for a lesson while it loads. It fills the screen, so the footers sit below it and
 * nothing on screen moves when the lesson replaces it.
 */
export function LessonSkeleton() {
  return (
    <div className="lesson-skeleton" aria-busy="true" aria-label="Loading lesson">
      <div className="skeleton-line skeleton-title" />
      <div className="skeleton-line" />
      <div className="skeleton-line" />
      <div className="skeleton-line skeleton-short" />
    </div>
  );
}
