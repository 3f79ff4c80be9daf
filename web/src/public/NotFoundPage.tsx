import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../ui/usePageTitle';

export default function NotFoundPage() {
  usePageTitle('Halaman tidak ditemukan');
  return (
    <Stack gap="sm">
      <Title order={1}>Halaman tidak ditemukan</Title>
      <Text>Alamat yang Anda buka tidak ada.</Text>
      <Anchor component={Link} to="/">
        Kembali ke beranda
      </Anchor>
    </Stack>
  );
}
