import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';
import type { AdminPeriodPage } from '../admin-page';

const InvitationsPage = lazy(() => import('./InvitationsPage'));
const OutboxPage = lazy(() => import('./OutboxPage'));

/** The console's pages for e-mail: inviting a period's PPIDs, the outbox of notices. */
export const noticesPages: AdminPeriodPage[] = [
  {
    path: 'undangan',
    label: 'Undangan',
    element: (
      <Suspense fallback={<Loading />}>
        <InvitationsPage />
      </Suspense>
    ),
  },
  {
    path: 'kotak-keluar',
    label: 'Kotak keluar',
    element: (
      <Suspense fallback={<Loading />}>
        <OutboxPage />
      </Suspense>
    ),
  },
];
