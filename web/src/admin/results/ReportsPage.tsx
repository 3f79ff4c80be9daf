import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, unwrap } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatScore } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { qualificationColours } from '../../ui/qualification';
import { usePageTitle } from '../../ui/usePageTitle';
import { usePreviousYear, useStats, type PreviousYear, type ReportStats } from './queries';
import { ActionError, formatChange, saveBlob } from './widgets';
import { ScrollArea } from '../../ui/ScrollArea';

/** A share 0..1 as the API sends it ("0.8125") as a percent in id-ID ("81,25%"), without a float for the text. */
const percent = (share: string | null) => {
  if (share === null) return '–';
  const [w, f = ''] = share.split('.');
  const digits = (w + (f + '0000').slice(0, 4)).replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(3, '0');
  return `${formatScore(`${padded.slice(0, -2)}.${padded.slice(-2)}`)}%`;
};

/** Exports and statistics of the period: files, distribution, category x qualification, aspects, funnel, change against last year. */
export default function ReportsPage() {
  const { periodId = '' } = useParams();
  usePageTitle('Laporan dan statistik');
  const stats = useStats(periodId);
  const previous = usePreviousYear(periodId);
  return (
    <Stack gap="lg">
      <Title order={1}>Laporan dan statistik</Title>
      <Downloads periodId={periodId} hasRun={!!stats.data?.runId} />
      {stats.error ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !stats.data ? (
        <Loading />
      ) : (
        <>
          <Funnel stats={stats.data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Distribution stats={stats.data} />
            <Aspects stats={stats.data} />
          </SimpleGrid>
          <Qualifications stats={stats.data} />
        </>
      )}
      {previous.error ? <ErrorState error={previous.error} onRetry={() => void previous.refetch()} /> : !previous.data ? <Loading /> : <PreviousYearChange data={previous.data} />}
    </Stack>
  );
}

function Downloads({ periodId, hasRun }: { periodId: string; hasRun: boolean }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (kind: 'csv' | 'xlsx') => {
    setBusy(kind);
    setError(null);
    try {
      const call =
        kind === 'csv'
          ? api.GET('/periods/{id}/reports/ranking.csv', { params: { path: { id: periodId } }, parseAs: 'blob' })
          : api.GET('/periods/{id}/reports/ranking.xlsx', { params: { path: { id: periodId } }, parseAs: 'blob' });
      const blob = (await unwrap(call as Promise<{ data?: Blob; error?: unknown; response: Response }>)) as Blob;
      saveBlob(blob, `peringkat-${periodId}.${kind}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="downloads-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="downloads-title">
          Unduh peringkat
        </Title>
        {!hasRun && <Text size="sm">Belum ada hasil pemeringkatan untuk diunduh.</Text>}
        <Group>
          <Button onClick={() => void download('csv')} loading={busy === 'csv'} disabled={!hasRun}>
            Unduh CSV
          </Button>
          <Button onClick={() => void download('xlsx')} loading={busy === 'xlsx'} disabled={!hasRun} variant="outline">
            Unduh Excel (XLSX)
          </Button>
        </Group>
        <ActionError error={error} />
      </Stack>
    </Paper>
  );
}

/** A chart with its data as a table beside it: the table is the text alternative (and what a screen reader reads). */
function ChartFigure({ id, title, summary, chart, table }: { id: string; title: string; summary: string; chart: React.ReactNode; table: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="figure" aria-labelledby={`${id}-title`} m={0} data-testid={`chart-${id}`}>
      <Title order={2} size="h3" id={`${id}-title`} mb={4}>
        {title}
      </Title>
      <Text size="sm" id={`${id}-summary`} mb="sm">
        {summary}
      </Text>
      <div role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          {chart as React.ReactElement}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Tabel data</summary>
        <ScrollArea label={`Tabel data: ${title}`}>{table}</ScrollArea>
      </details>
    </Paper>
  );
}

function Funnel({ stats }: { stats: ReportStats }) {
  const f = stats.funnel;
  const steps = [
    { step: 'Diundang', n: f.invited },
    { step: 'Mulai mengisi', n: f.started },
    { step: 'Mengirim', n: f.submitted },
    { step: 'Terverifikasi', n: f.verified },
    { step: 'Finalis', n: f.finalist },
    { step: 'Diperingkat', n: f.ranked },
  ];
  return (
    <ChartFigure
      id="funnel"
      title="Corong partisipasi"
      summary={steps.map((s) => `${s.step} ${formatCount(s.n)}`).join(', ') + '.'}
      chart={
        <BarChart data={steps} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="step" width={110} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Bar dataKey="n" name="Badan publik" fill="#1971c2" />
        </BarChart>
      }
      table={
        <Table withTableBorder data-testid="funnel-table">
          <Table.Tbody>
            {steps.map((s) => (
              <Table.Tr key={s.step}>
                <Table.Th scope="row">{s.step}</Table.Th>
                <Table.Td>{formatCount(s.n)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function Distribution({ stats }: { stats: ReportStats }) {
  const rows = stats.distribution.map((b) => ({ range: `${formatScore(b.from).replace(',00', '')}–${formatScore(b.to).replace(',00', '')}`, n: b.count }));
  return (
    <ChartFigure
      id="distribution"
      title="Sebaran nilai akhir"
      summary={`Jumlah badan publik per rentang nilai akhir (${formatCount(rows.reduce((n, r) => n + r.n, 0))} badan publik diperingkat).`}
      chart={
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="range" interval={0} angle={-30} textAnchor="end" height={50} fontSize={11} />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Bar dataKey="n" name="Badan publik" fill="#2b8a3e" />
        </BarChart>
      }
      table={
        <Table withTableBorder data-testid="distribution-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Rentang</Table.Th>
              <Table.Th scope="col">Badan publik</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.range}>
                <Table.Td>{r.range}</Table.Td>
                <Table.Td>{formatCount(r.n)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function Aspects({ stats }: { stats: ReportStats }) {
  // Chart lengths only: the figures shown as text come from the API's strings.
  const rows = stats.aspects.map((a) => ({ aspect: a.code, title: a.title, pct: a.averageShare === null ? 0 : Number(a.averageShare) * 100, text: percent(a.averageShare) }));
  const weakest = stats.aspects[0];
  return (
    <ChartFigure
      id="aspects"
      title="Rata-rata capaian per aspek"
      summary={weakest ? `Aspek terlemah: ${weakest.code} ${weakest.title} (${percent(weakest.averageShare)} dari nilai maksimum).` : 'Belum ada kuesioner terverifikasi.'}
      chart={
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="aspect" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(_v, _n, item) => (item.payload as { text: string }).text} />
          <Bar dataKey="pct" name="Capaian" fill="#e67700" />
        </BarChart>
      }
      table={
        <Table withTableBorder data-testid="aspects-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Aspek</Table.Th>
              <Table.Th scope="col">Capaian rata-rata</Table.Th>
              <Table.Th scope="col">Badan publik</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.aspects.map((a) => (
              <Table.Tr key={a.code}>
                <Table.Td>
                  {a.code}. {a.title}
                </Table.Td>
                <Table.Td>{percent(a.averageShare)}</Table.Td>
                <Table.Td>{formatCount(a.bodies)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function Qualifications({ stats }: { stats: ReportStats }) {
  const bands = stats.qualificationBands;
  const rows = stats.qualifications.map((q) => ({ category: q.categoryCode, ...q.counts }));
  return (
    <ChartFigure
      id="qualifications"
      title="Kualifikasi per kategori"
      summary={`Jumlah badan publik per kualifikasi di setiap kategori; total ${formatCount(stats.qualificationTotals.total)}.`}
      chart={
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="category" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend itemSorter={null} />
          {bands.map((b) => (
            <Bar key={b.code} dataKey={b.code} name={b.label} stackId="q" fill={qualificationColours(b.code).border} />
          ))}
        </BarChart>
      }
      table={
        <Table withTableBorder data-testid="qualifications-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Kategori</Table.Th>
              {bands.map((b) => (
                <Table.Th scope="col" key={b.code}>
                  {b.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.qualifications.map((q) => (
              <Table.Tr key={q.categoryCode}>
                <Table.Th scope="row">{q.categoryName}</Table.Th>
                {bands.map((b) => (
                  <Table.Td key={b.code}>{formatCount(q.counts[b.code] ?? 0)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function PreviousYearChange({ data }: { data: PreviousYear }) {
  if (!data.previousPeriod)
    return (
      <section aria-labelledby="yoy-title">
        <Title order={2} size="h3" id="yoy-title">
          Perubahan dibanding tahun sebelumnya
        </Title>
        <Text data-testid="no-previous-year">Tidak ada hasil terbit tahun {data.year - 1} untuk dibandingkan.</Text>
      </section>
    );
  const rows = data.categories.map((c) => ({
    category: c.categoryCode,
    previous: c.previousAverage === null ? 0 : Number(c.previousAverage),
    now: c.average === null ? 0 : Number(c.average),
  }));
  return (
    <Stack gap="md">
      <ChartFigure
        id="yoy"
        title={`Perubahan dibanding tahun ${data.previousPeriod.year}`}
        summary={
          data.categories.map((c) => `${c.categoryName}: rata-rata ${formatScore(c.previousAverage)} menjadi ${formatScore(c.average)} (${formatChange(c.change)})`).join('; ') +
          '.'
        }
        chart={
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="category" />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Legend itemSorter={null} />
            <Bar dataKey="previous" name={`Rata-rata ${data.previousPeriod.year}`} fill="#868e96" />
            <Bar dataKey="now" name={`Rata-rata ${data.year}`} fill="#1971c2" />
          </BarChart>
        }
        table={
          <Table withTableBorder data-testid="yoy-categories">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kategori</Table.Th>
                <Table.Th scope="col">Rata-rata {data.previousPeriod.year}</Table.Th>
                <Table.Th scope="col">Rata-rata {data.year}</Table.Th>
                <Table.Th scope="col">Perubahan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.categories.map((c) => (
                <Table.Tr key={c.categoryCode}>
                  <Table.Th scope="row">{c.categoryName}</Table.Th>
                  <Table.Td>{formatScore(c.previousAverage)}</Table.Td>
                  <Table.Td>{formatScore(c.average)}</Table.Td>
                  <Table.Td>{formatChange(c.change)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />
      <section aria-labelledby="yoy-bodies-title">
        <Title order={3} size="h4" id="yoy-bodies-title" mb="sm">
          Perubahan per badan publik
        </Title>
        <ScrollArea label="Perubahan per badan publik">
          <Table striped withTableBorder data-testid="yoy-bodies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Badan publik</Table.Th>
                <Table.Th scope="col">{data.previousPeriod.year}</Table.Th>
                <Table.Th scope="col">{data.year}</Table.Th>
                <Table.Th scope="col">Perubahan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.bodies.map((b) => (
                <Table.Tr key={b.publicBodyId}>
                  <Table.Td>{b.publicBody}</Table.Td>
                  <Table.Td>
                    {formatScore(b.previousFinalScore)} ({b.previousQualificationLabel})
                  </Table.Td>
                  <Table.Td>
                    {formatScore(b.finalScore)} ({b.qualificationLabel})
                  </Table.Td>
                  <Table.Td data-testid="body-change">{formatChange(b.change)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </section>
    </Stack>
  );
}
