import { lazy, Suspense } from 'react';
import { Link, Route, Router, Switch } from 'wouter';
import { ErrorBoundary } from './ErrorBoundary';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { lessonRoutePattern, presentConsolePattern, presentRoutePattern } from './routes';
import { StorageNotice } from './StorageNotice';
import { useApplyTheme } from './theme';
import { ThemeSwitcher } from './ThemeSwitcher';
import { UpdateNotice } from './UpdateNotice';
import { siteTitle } from './useDocumentTitle';
import { LessonSkeleton } from './pages/LessonSkeleton';

const LessonPage = lazy(() => import('./pages/LessonPage'));
const ReviewPage = lazy(() => import('./pages/ReviewPage'));
const ProgressPage = lazy(() => import('./pages/ProgressPage'));
const PresentPage = lazy(() => import('./present/PresentPage'));
const ConsolePage = lazy(() => import('./present/ConsolePage'));

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export function App() {
  useApplyTheme();
  return (
    <Router base={base}>
      <Switch>
        {/* Presenter windows fill the screen: no site header or footer. */}
        <Route path={presentConsolePattern}>
          {(params) => (
            <ErrorBoundary label="The presenter console">
              <Suspense fallback={<p className="run-status">Loading…</p>}>
                <ConsolePage moduleId={params.moduleId} slug={params.slug} />
              </Suspense>
            </ErrorBoundary>
          )}
        </Route>
        <Route path={presentRoutePattern}>
          {(params) => (
            <ErrorBoundary label="The presentation">
              <Suspense fallback={<p className="run-status">Loading…</p>}>
                <PresentPage moduleId={params.moduleId} slug={params.slug} />
              </Suspense>
            </ErrorBoundary>
          )}
        </Route>
        <Route>
          <Site />
        </Route>
      </Switch>
    </Router>
  );
}

function Site() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="site-title">
          {siteTitle}
        </Link>
        <nav aria-label="Study" className="site-nav">
          <Link href="/review">Review</Link>
          <Link href="/progress">Progress</Link>
        </nav>
        <ThemeSwitcher />
      </header>
      <StorageNotice />
      <UpdateNotice />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary label="This page">
          <Switch>
            <Route path="/">
              <HomePage />
            </Route>
            <Route path="/review">
              <Suspense fallback={<p className="run-status">Loading…</p>}>
                <ReviewPage />
              </Suspense>
            </Route>
            <Route path="/progress">
              <Suspense fallback={<p className="run-status">Loading…</p>}>
                <ProgressPage />
              </Suspense>
            </Route>
            <Route path={lessonRoutePattern}>
              {(params) => (
                <Suspense fallback={<LessonSkeleton />}>
                  <LessonPage moduleId={params.moduleId} slug={params.slug} />
                </Suspense>
              )}
            </Route>
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>Runs entirely in your browser. Progress is saved on this device only.</p>
      </footer>
    </>
  );
}
