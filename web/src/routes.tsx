import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './ui/Layout';

// Each page is its own chunk; the role areas load only behind /beranda (ui/RoleHome.tsx).
const HomePage = lazy(() => import('./public/HomePage'));
const RankingPage = lazy(() => import('./public/RankingPage'));
const VerifyPage = lazy(() => import('./public/VerifyPage'));
const LoginPage = lazy(() => import('./public/LoginPage'));
const NotFoundPage = lazy(() => import('./public/NotFoundPage'));
const SetPasswordPage = lazy(() => import('./public/SetPasswordPage'));
const ForgotPasswordPage = lazy(() => import('./public/ForgotPasswordPage'));
const RoleHome = lazy(() => import('./ui/RoleHome'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="peringkat/:organizer/:year" element={<RankingPage />} />
        <Route path="verify/:code" element={<VerifyPage />} />
        <Route path="masuk" element={<LoginPage />} />
        <Route path="lupa-kata-sandi" element={<ForgotPasswordPage />} />
        <Route path="aktivasi/:token" element={<SetPasswordPage purpose="ACTIVATION" />} />
        <Route path="atur-ulang-sandi/:token" element={<SetPasswordPage purpose="RESET" />} />
        <Route path="beranda/*" element={<RoleHome />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
