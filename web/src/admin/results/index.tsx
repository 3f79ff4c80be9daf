import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';
import type { AdminPeriodPage } from '../admin-page';
import PanelPage from './PanelPage';
import RankingPage from './RankingPage';
import VerificationPage from './VerificationPage';

// The charts library loads with the reports page only, never with the rest of the console.
const ReportsPage = lazy(() => import('./ReportsPage'));

/** The console's pages from verification onwards (assignments, panel, ranking, publication, certificates, reports). */
export const resultsPages: AdminPeriodPage[] = [
  { path: 'verifikasi', label: 'Verifikasi dan sanggah', element: <VerificationPage /> },
  { path: 'panel', label: 'Finalis dan panel', element: <PanelPage /> },
  { path: 'pemeringkatan', label: 'Pemeringkatan dan publikasi', element: <RankingPage /> },
  {
    path: 'laporan',
    label: 'Laporan dan statistik',
    element: (
      <Suspense fallback={<Loading />}>
        <ReportsPage />
      </Suspense>
    ),
  },
];
