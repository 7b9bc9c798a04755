import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Where the failure happened, for the heading ("layar Pendaftaran"). */
  place?: string;
  /** Changing this key clears a caught error (e.g. navigating to another screen). */
  resetKey?: string;
}

/** Shows the reason and a reload button instead of a blank page when rendering fails. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Loket: tampilan gagal', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Terjadi kesalahan pada {this.props.place ?? 'aplikasi'}</h1>
        <p>Tampilan ini berhenti karena kesalahan berikut. Data yang sudah tersimpan di host tidak terpengaruh.</p>
        <pre className="crash-reason">{error.message || error.name}</pre>
        <button type="button" className="btn btn-primary" autoFocus onClick={() => window.location.reload()}>
          Muat ulang
        </button>
      </div>
    );
  }
}
