import { lazy, Suspense } from 'react';
import { Navigate } from 'react-router';
import type { Role } from '../api/types';
import { Loading } from './Loading';
import { useSession } from './session';

// One chunk per role: a PPID never downloads the admin's pages, and the public none of them.
const HOMES: Record<Role, React.LazyExoticComponent<() => React.JSX.Element>> = {
  public_body: lazy(() => import('../ppid/HomePage')),
  assessor: lazy(() => import('../assessor/HomePage')),
  panelist: lazy(() => import('../panel/HomePage')),
  admin: lazy(() => import('../admin/HomePage')),
};

export default function RoleHome() {
  const user = useSession();
  if (!user) return <Navigate to="/masuk" replace />;
  const Home = HOMES[user.role as Role];
  return <Suspense fallback={<Loading />}>{Home ? <Home /> : <p>Peran akun ini belum memiliki halaman.</p>}</Suspense>;
}
