/** Why a shared scenario link could not be used, above the widget it was meant for. */
export function LinkNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <p className="form-error" role="alert">
      {notice}
    </p>
  );
}
