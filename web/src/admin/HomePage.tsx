import { Stack, Text, Title } from '@mantine/core';
import { useSession } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';

/** Placeholder home of the penyelenggara: the pages of this role hang here. */
export default function HomePage() {
  const user = useSession();
  usePageTitle('Beranda');
  return (
    <Stack gap="sm">
      <Title order={1}>Beranda penyelenggara</Title>
      <Text>Selamat datang, {user?.name}.</Text>
      <Text>Di sini Anda akan mengatur periode, instrumen, peserta, tahapan, pemeringkatan, publikasi, dan piagam. Halaman-halaman ini sedang disiapkan.</Text>
    </Stack>
  );
}
