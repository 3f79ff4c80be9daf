import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useOrganizers, usePublishedPeriods } from '../api/public';
import type { Organizers } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { formatDate } from '../ui/format';
import { Loading } from '../ui/Loading';
import { usePageTitle } from '../ui/usePageTitle';

type Organizer = Organizers['items'][number];

function OrganizerYears({ organizer }: { organizer: Organizer }) {
  const periods = usePublishedPeriods(organizer.slug);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={`org-${organizer.slug}`}>
      <Title order={2} size="h3" id={`org-${organizer.slug}`}>
        {organizer.name}
      </Title>
      {organizer.region && <Text c="dimmed">{organizer.region}</Text>}
      {periods.isPending ? (
        <Loading label="Memuat tahun yang diumumkan…" />
      ) : periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => periods.refetch()} />
      ) : periods.data.items.length === 0 ? (
        <Text mt="sm">Belum ada hasil monev yang diumumkan.</Text>
      ) : (
        <List mt="sm" spacing="xs" listStyleType="none" ml={0} pl={0}>
          {periods.data.items.map((p) => (
            <List.Item key={p.year}>
              <Anchor component={Link} to={`/peringkat/${encodeURIComponent(organizer.slug)}/${p.year}`} fw={600}>
                Peringkat {p.year}
              </Anchor>{' '}
              <Text span c="dimmed" size="sm">
                · {p.name}, diumumkan {formatDate(p.publishedAt, p.timezone)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

export default function HomePage() {
  usePageTitle('Beranda');
  const organizers = useOrganizers();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Hasil Monev Keterbukaan Informasi Publik</Title>
        <Text mt="xs">
          Peringkat dan kualifikasi badan publik dari monitoring dan evaluasi Komisi Informasi. Pilih penyelenggara dan tahun, atau periksa keaslian piagam melalui kode QR
          yang tercetak padanya.
        </Text>
      </div>
      {organizers.isPending ? (
        <Loading />
      ) : organizers.isError ? (
        <ErrorState error={organizers.error} onRetry={() => organizers.refetch()} />
      ) : organizers.data.items.length === 0 ? (
        <Text>Belum ada penyelenggara.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {organizers.data.items.map((o) => (
            <OrganizerYears key={o.slug} organizer={o} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
