/** A wide table's horizontal scroller: focusable and named, so a keyboard can scroll it (axe: scrollable-region-focusable). */
export function ScrollArea({ label, status, children }: { label: string; status?: boolean; children: React.ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label} {...(status ? { 'aria-live': 'polite' as const } : {})}>
      {children}
    </div>
  );
}
