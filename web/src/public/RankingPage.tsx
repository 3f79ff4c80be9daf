import { Anchor, Breadcrumbs, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { rankingFiles, usePublicRanking, usePublishedPeriods } from '../api/public';
import type { RankingItem } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { formatCount, formatDateTime, formatScore } from '../ui/format';
import { Loading } from '../ui/Loading';
import { QualificationBadge } from '../ui/QualificationBadge';
import { usePageTitle } from '../ui/usePageTitle';

const ALL = '__semua__';

/** Categories in the order the ranking lists them. */
function categoriesOf(items: RankingItem[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const i of items) if (!seen.has(i.categoryCode)) seen.set(i.categoryCode, i.categoryName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** Rows per qualification, in the order the qualifications first appear (the ranking is by score). */
function qualificationCounts(items: RankingItem[]) {
  const counts = new Map<string, { code: string; label: string; n: number }>();
  for (const i of items) {
    const c = counts.get(i.qualification) ?? { code: i.qualification, label: i.qualificationLabel, n: 0 };
    c.n++;
    counts.set(i.qualification, c);
  }
  return [...counts.values()];
}

/** In the whole list a body's overall rank, in a category's tab its rank in the category (both from the API). */
function RankingTable({ items, showCategory }: { items: RankingItem[]; showCategory: boolean }) {
  return (
    <Table className="ranking-table" striped highlightOnHover verticalSpacing="xs" aria-label="Peringkat badan publik">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" className="num">
            Peringkat
          </Table.Th>
          <Table.Th scope="col">Badan publik</Table.Th>
          {showCategory && (
            <Table.Th scope="col" className="wide-only">
              Kategori
            </Table.Th>
          )}
          <Table.Th scope="col" className="num">
            Nilai akhir
          </Table.Th>
          <Table.Th scope="col" className="wide-only">
            Kualifikasi
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r, i) => (
          <Table.Tr key={`${r.categoryCode}-${r.publicBody}-${i}`} data-testid="ranking-row">
            <Table.Td className="num" data-col="rank">
              {(showCategory ? r.rankOverall : r.rankInCategory) ?? '–'}
            </Table.Td>
            <Table.Td>
              <span className="body-name" data-col="body">
                {r.publicBody}
              </span>
              {r.finalist && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  (finalis)
                </Text>
              )}
              <div className="mobile-only">
                {showCategory && (
                  <Text size="sm" c="dimmed">
                    {r.categoryName}
                  </Text>
                )}
                <QualificationBadge code={r.qualification} label={r.qualificationLabel} />
              </div>
            </Table.Td>
            {showCategory && <Table.Td className="wide-only">{r.categoryName}</Table.Td>}
            <Table.Td className="num" data-col="score">
              {formatScore(r.finalScore)}
            </Table.Td>
            <Table.Td className="wide-only" data-col="qualification">
              <QualificationBadge code={r.qualification} label={r.qualificationLabel} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function RankingPage() {
  const params = useParams();
  const organizer = params.organizer ?? '';
  const year = Number(params.year);
  const ranking = usePublicRanking(organizer, year);
  const periods = usePublishedPeriods(organizer);
  const [tab, setTab] = useState<string>(ALL);
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLocaleLowerCase('id-ID'));
  usePageTitle(Number.isInteger(year) ? `Peringkat ${year}` : 'Peringkat');

  const items = ranking.data?.items;
  const categories = useMemo(() => categoriesOf(items ?? []), [items]);
  const inTab = useMemo(() => (items ?? []).filter((i) => tab === ALL || i.categoryCode === tab), [items, tab]);
  const shown = useMemo(() => (query ? inTab.filter((i) => i.publicBody.toLocaleLowerCase('id-ID').includes(query)) : inTab), [inTab, query]);
  const counts = useMemo(() => qualificationCounts(inTab), [inTab]);

  if (!Number.isInteger(year)) return <ErrorState error={null} notFound={{ title: 'Tahun tidak dikenal', text: 'Alamat ini tidak menyebut tahun yang benar.' }} />;
  if (ranking.isPending) return <Loading label="Memuat peringkat…" />;
  if (ranking.isError)
    return (
      <Stack>
        <Title order={1}>Peringkat {year}</Title>
        <ErrorState error={ranking.error} onRetry={() => ranking.refetch()} notFound={{ title: 'Peringkat belum diumumkan', text: `Belum ada peringkat tahun ${year} yang diumumkan oleh penyelenggara ini.` }} />
      </Stack>
    );

  const r = ranking.data;
  const zone = periods.data?.items.find((p) => p.year === year)?.timezone ?? 'Asia/Jakarta';
  const files = rankingFiles(organizer, year);
  return (
    <Stack gap="md">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/">
          Beranda
        </Anchor>
        <Text span>Peringkat {year}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>
          Peringkat {r.periodName} {r.year}
        </Title>
        <Text mt={4}>{r.organizer.name}</Text>
        <Text c="dimmed" size="sm" data-testid="published-at">
          Diumumkan {formatDateTime(r.publishedAt, zone)} · {formatCount(r.total)} badan publik
        </Text>
      </div>

      <Group gap="xs" aria-label="Jumlah per kualifikasi" role="list">
        {counts.map((c) => (
          <span role="listitem" key={c.code} data-testid="qualification-count" data-qualification={c.code}>
            <QualificationBadge code={c.code} label={`${c.label}: ${formatCount(c.n)}`} />
          </span>
        ))}
      </Group>

      <Tabs value={tab} onChange={(v) => setTab(v ?? ALL)} keepMounted={false}>
        <Tabs.List aria-label="Kategori">
          <Tabs.Tab value={ALL}>Semua</Tabs.Tab>
          {categories.map((c) => (
            <Tabs.Tab key={c.code} value={c.code}>
              {c.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <TextInput label="Cari badan publik" placeholder="Ketik nama badan publik" value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={420} type="search" />

      <Text size="sm" aria-live="polite" data-testid="shown-count">
        Menampilkan {formatCount(shown.length)} dari {formatCount(inTab.length)} badan publik
      </Text>
      {shown.length === 0 ? (
        <Text>Tidak ada badan publik yang cocok dengan pencarian.</Text>
      ) : (
        <div className="table-scroll">
          <RankingTable items={shown} showCategory={tab === ALL} />
        </div>
      )}

      <Text size="sm">
        Data terbuka:{' '}
        <Anchor href={files.csv} download>
          unduh CSV
        </Anchor>{' '}
        ·{' '}
        <Anchor href={files.json} target="_blank" rel="noopener">
          JSON
        </Anchor>
      </Text>
    </Stack>
  );
}
