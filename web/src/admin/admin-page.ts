import type { ReactNode } from 'react';

/**
 * One page of the secretariat's console for a period, mounted at /beranda/periode/:periodId/<path>
 * (the page reads periodId with useParams). The console's shell (admin/HomePage.tsx) lists them in
 * its navigation in this order.
 */
export interface AdminPeriodPage {
  /** Relative path under /beranda/periode/:periodId/, e.g. "pemeringkatan". */
  path: string;
  /** The navigation label, in Indonesian. */
  label: string;
  element: ReactNode;
}
