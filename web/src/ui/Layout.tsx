import { Alert, Anchor, Button, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { Loading } from './Loading';
import { SESSION_ENDED_MESSAGE } from '../api/session';
import { dropSession, signOut, useSessionState } from './session';

export function Layout() {
  const session = useSessionState();
  const user = session.user;
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#konten">
        Langsung ke konten
      </a>
      <header className="site-header">
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap" py="sm" gap="sm">
            <Anchor component={Link} to="/" className="site-title" underline="never">
              Monev Keterbukaan Informasi Publik
            </Anchor>
            {user ? (
              <Group gap="xs" wrap="nowrap">
                <Anchor component={Link} to="/beranda" c="white">
                  Beranda
                </Anchor>
                <Button
                  size="xs"
                  variant="white"
                  onClick={() => {
                    void signOut().finally(() => navigate('/'));
                  }}
                >
                  Keluar
                </Button>
              </Group>
            ) : (
              <Anchor component={Link} to="/masuk" c="white" fw={600}>
                Masuk
              </Anchor>
            )}
          </Group>
        </Container>
      </header>
      <main id="konten" tabIndex={-1}>
        <Container size="lg" py="lg">
          {session.status === 'signed-out' && session.ended && (
            <Alert color="red" variant="outline" title="Sesi berakhir" role="alert" mb="md" withCloseButton closeButtonLabel="Tutup pesan" onClose={dropSession}>
              {SESSION_ENDED_MESSAGE}
            </Alert>
          )}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <footer className="site-footer">
        <Container size="lg" py="md">
          Data peringkat adalah hasil monitoring dan evaluasi keterbukaan informasi publik yang diumumkan Komisi Informasi.
        </Container>
      </footer>
    </>
  );
}
