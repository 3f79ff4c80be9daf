import { Stack, Text, Title } from '@mantine/core';
import { useSession } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';

/** Placeholder home of the panelis: the pages of this role hang here. */
export default function HomePage() {
  const user = useSession();
  usePageTitle('Beranda');
  return (
    <Stack gap="sm">
      <Title order={1}>Beranda panelis</Title>
      <Text>Selamat datang, {user?.name}.</Text>
      <Text>Di sini Anda akan menilai visitasi dan presentasi finalis yang ditugaskan. Halaman-halaman ini sedang disiapkan.</Text>
    </Stack>
  );
}
