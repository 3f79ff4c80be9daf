import { useEffect } from 'react';

/** The browser's "leave this page?" question while an autosave queue holds edits the server does not have yet. */
export function useLeaveWarning(queue: { readonly unsaved: boolean }): void {
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!queue.unsaved) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [queue]);
}
