import { Link } from 'wouter';
import { useDocumentTitle } from '../useDocumentTitle';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found');
  return (
    <div className="not-found">
      <h1>There is no such {what}</h1>
      <p>
        The link may be old or mistyped. Everything the workbook has is listed on the home page.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
