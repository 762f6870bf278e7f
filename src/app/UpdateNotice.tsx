import { useStore } from 'zustand';
import { updates } from '../offline/updates';

/**
 * "A new version is ready": shown when a new build is installed beside the running one. The
 * live region is always in the page, so screen readers announce the message when it appears.
 */
export function UpdateNotice() {
  const apply = useStore(updates, (s) => s.apply);
  return (
    <div role="status" className={apply ? 'update-notice' : undefined}>
      {apply && (
        <>
          <p>
            A new version of the workbook is ready. Reload to use it; your progress stays as it is.
          </p>
          <button type="button" onClick={apply}>
            Reload
          </button>
        </>
      )}
    </div>
  );
}
