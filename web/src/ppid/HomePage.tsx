import { Stack, Text, Title } from '@mantine/core';
import { useSession } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';

/** Placeholder home of the PPID badan publik: the pages of this role hang here. */
export default function HomePage() {
  const user = useSession();
  usePageTitle('Beranda');
  return (
    <Stack gap="sm">
      <Title order={1}>Beranda PPID badan publik</Title>
      <Text>Selamat datang, {user?.name}.</Text>
      <Text>Di sini Anda akan mengisi kuesioner (SAQ) dengan data dukung, membaca hasil verifikasi, mengajukan sanggah, dan mengunduh piagam. Halaman-halaman ini sedang disiapkan.</Text>
    </Stack>
  );
}
