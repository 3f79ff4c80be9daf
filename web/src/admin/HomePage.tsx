import { Badge, Grid, NavLink, Select, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, NavLink as RouterNavLink, Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../ui/ErrorState';
import { Loading } from '../ui/Loading';
import { useSession } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';
import type { AdminPeriodPage } from './admin-page';
import { STAGE_LABELS } from './labels';
import { noticesPages } from './notices';
import AuditPage from './AuditPage';
import MonitoringPage from './monitoring/MonitoringPage';
import { usePeriods } from './queries';
import { resultsPages } from './results';
import InstrumentPage from './setup/InstrumentPage';
import ParticipantsPage from './setup/ParticipantsPage';
import { NewPeriodPage, PeriodSettingsPage } from './setup/PeriodFormPage';
import RegistryPage from './setup/RegistryPage';
import UsersPage from './setup/UsersPage';
import StagesPage from './StagesPage';

/** A page of the console for the whole organizer, at /beranda/<path>. */
interface OrganizerPage {
  path: string;
  label: string;
  element: ReactNode;
}

const NotFound = ({ title }: { title: string }) => {
  usePageTitle(title);
  return (
    <Stack gap="sm">
      <Title order={1}>{title}</Title>
      <Text>Halaman yang Anda cari tidak ada di menu penyelenggara.</Text>
    </Stack>
  );
};

const ORGANIZER_PAGES: OrganizerPage[] = [
  { path: 'kategori', label: 'Kategori dan badan publik', element: <RegistryPage /> },
  { path: 'pengguna', label: 'Pengguna', element: <UsersPage /> },
  { path: 'periode-baru', label: 'Periode baru', element: <NewPeriodPage /> },
  { path: 'audit', label: 'Log audit', element: <AuditPage /> },
];

/** The console's own pages for one period; the result and e-mail pages follow them (resultsPages, noticesPages). */
const SETUP_PERIOD_PAGES: AdminPeriodPage[] = [
  { path: 'pengaturan', label: 'Pengaturan periode', element: <PeriodSettingsPage /> },
  { path: 'instrumen', label: 'Instrumen', element: <InstrumentPage /> },
  { path: 'peserta', label: 'Peserta', element: <ParticipantsPage /> },
  { path: 'tahapan', label: 'Tahapan', element: <StagesPage /> },
  { path: 'pemantauan', label: 'Pemantauan SAQ', element: <MonitoringPage /> },
];

export const PERIOD_PAGES: AdminPeriodPage[] = [...SETUP_PERIOD_PAGES, ...resultsPages, ...noticesPages];

/** The secretariat's console under /beranda: organizer-wide pages, a period picker and the chosen period's pages. */
export default function AdminArea() {
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        <Route index element={<Overview />} />
        {ORGANIZER_PAGES.map((p) => (
          <Route key={p.path} path={p.path} element={p.element} />
        ))}
        <Route path="periode/:periodId">
          <Route index element={<Navigate to={PERIOD_PAGES[0].path} replace />} />
          {PERIOD_PAGES.map((p) => (
            <Route key={p.path} path={p.path} element={p.element} />
          ))}
        </Route>
        <Route path="*" element={<NotFound title="Halaman tidak ditemukan" />} />
      </Route>
    </Routes>
  );
}

function ConsoleLayout() {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <ConsoleNav />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }} style={{ minWidth: 0 }}>
        <Outlet />
      </Grid.Col>
    </Grid>
  );
}

/** Where /beranda/periode/:periodId/<sub> is, the picker keeps <sub> when it switches periods. */
function currentPeriodSubpath(pathname: string): string {
  const m = /^\/beranda\/periode\/[^/]+\/([^/]+)/.exec(pathname);
  return m && PERIOD_PAGES.some((p) => p.path === m[1]) ? m[1] : PERIOD_PAGES[0].path;
}

function ConsoleNav() {
  const periods = usePeriods();
  const location = useLocation();
  const navigate = useNavigate();
  const periodId = /^\/beranda\/periode\/([^/]+)/.exec(location.pathname)?.[1];
  const navLink = (to: string, label: string, end = false) => (
    <NavLink key={to} component={RouterNavLink} to={to} end={end} label={label} variant="filled" active={end ? location.pathname === to : location.pathname.startsWith(to)} />
  );
  const compact = useMediaQuery('(max-width: 61.99em)');
  const links = (
    <Stack gap={4}>
      {navLink('/beranda', 'Ringkasan', true)}
      {ORGANIZER_PAGES.map((p) => navLink(`/beranda/${p.path}`, p.label))}
      <Select
        mt="sm"
        label="Periode"
        placeholder={periods.data && periods.data.items.length === 0 ? 'Belum ada periode' : 'Pilih periode'}
        data={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.year}` }))}
        value={periodId ?? null}
        onChange={(id) => id && navigate(`/beranda/periode/${id}/${currentPeriodSubpath(location.pathname)}`)}
        allowDeselect={false}
        data-testid="period-picker"
      />
      {periodId && PERIOD_PAGES.map((p) => navLink(`/beranda/periode/${periodId}/${p.path}`, p.label))}
    </Stack>
  );
  return (
    <nav aria-label="Menu penyelenggara" data-testid="admin-nav">
      {compact ? (
        // On a phone the menu folds away, so the page's content comes first.
        <details className="admin-nav-compact" key={location.pathname}>
          <summary>Menu penyelenggara</summary>
          {links}
        </details>
      ) : (
        links
      )}
    </nav>
  );
}

function Overview() {
  const user = useSession();
  usePageTitle('Beranda');
  const periods = usePeriods();
  return (
    <Stack gap="md">
      <Title order={1}>Beranda penyelenggara</Title>
      <Text>Selamat datang, {user?.name}.</Text>
      <Title order={2} size="h3">
        Periode
      </Title>
      {periods.error ? (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      ) : !periods.data ? (
        <Loading />
      ) : periods.data.items.length === 0 ? (
        <Text>
          Belum ada periode. <Link to="/beranda/periode-baru">Buat periode baru</Link>.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0 }} data-testid="period-list">
          {periods.data.items.map((p) => (
            <li key={p.id}>
              <Link to={`/beranda/periode/${p.id}`}>
                {p.name} {p.year}
              </Link>{' '}
              <Badge variant="light">{STAGE_LABELS[p.stage]}</Badge>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
