/** Same shape as a lesson page, so nothing jumps when the lesson arrives. */
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
