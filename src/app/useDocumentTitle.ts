import { useEffect } from 'react';

export const siteTitle = 'Reliability Workbook';

export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · ${siteTitle}` : siteTitle;
  }, [title]);
}
