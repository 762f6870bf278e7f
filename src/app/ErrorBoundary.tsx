import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** What failed, in words, e.g. "This diagram". */
  label: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Keeps one broken piece from taking the rest of the page with it. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever opens the console; the learner sees the message below.
    console.warn(`${this.props.label} failed to render`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="block-error" role="alert">
        <p>
          <strong>{this.props.label} could not be shown.</strong> The rest of the page still works.
        </p>
        <p className="block-error-detail">{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
