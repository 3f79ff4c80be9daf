import { Badge, Button, Group, Modal, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatDateTime, formatScore } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { QualificationBadge } from '../../ui/QualificationBadge';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminKeys, useAdminPeriod } from '../queries';
import { resultKeys, useBatches, useComparison, useResults, useRevoked, useRuns, type RankingResult, type RankingRun } from './queries';
import { ActionError, formatChange } from './widgets';
import { ScrollArea } from '../../ui/ScrollArea';

const RUN_STATUS: Record<RankingRun['status'], string> = { QUEUED: 'Menunggu antrean', RUNNING: 'Sedang dihitung', DONE: 'Selesai', FAILED: 'Gagal' };
const TIE_BREAK: Record<NonNullable<RankingResult['tieBreak']>, string> = {
  SAQ_SCORE: 'Nilai akhir sama; ditentukan oleh nilai SAQ',
  PRESENTATION_SCORE: 'Nilai akhir dan SAQ sama; ditentukan oleh nilai presentasi',
  SUBMITTED_AT: 'Nilai sama; ditentukan oleh waktu pengiriman yang lebih awal',
  SHARED: 'Semua nilai sama: peringkat bersama',
};

/** Ranking runs and their progress, the results per category, a correction's differences, publication, certificates and revoked codes. */
export default function RankingPage() {
  const { periodId = '' } = useParams();
  usePageTitle('Pemeringkatan dan publikasi');
  const period = useAdminPeriod(periodId);
  const [pollRuns, setPollRuns] = useState(false);
  const runs = useRuns(periodId, pollRuns);
  const busy = runs.data?.items.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING') ?? false;
  useEffect(() => setPollRuns(busy), [busy]);
  const [selected, setSelected] = useState<string | null>(null);
  const done = (runs.data?.items ?? []).filter((r) => r.status === 'DONE');
  const runId = selected ?? done[0]?.id;
  if (period.error || runs.error) return <ErrorState error={period.error ?? runs.error} onRetry={() => void (period.refetch(), runs.refetch())} />;
  if (!period.data || !runs.data) return <Loading />;
  const tz = period.data.timezone;
  const publishedRunId = runs.data.publishedRunId;
  return (
    <Stack gap="lg">
      <Title order={1}>Pemeringkatan dan publikasi</Title>
      <Runs periodId={periodId} runs={runs.data.items} publishedRunId={publishedRunId} timezone={tz} onStarted={() => setPollRuns(true)} />
      {done.length > 0 && runId && (
        <>
          <Select
            label="Hasil yang ditampilkan"
            data={done.map((r) => ({ value: r.id, label: runLabel(r, publishedRunId, tz) }))}
            value={runId}
            onChange={(v) => v && setSelected(v)}
            allowDeselect={false}
            maw={480}
            data-testid="run-picker"
          />
          <Publish key={runId} periodId={periodId} runId={runId} published={runId === publishedRunId} />
          <Results runId={runId} />
          <Comparison runId={runId} candidates={done.filter((r) => r.id !== runId)} publishedRunId={publishedRunId} timezone={tz} />
        </>
      )}
      {publishedRunId && <Certificates periodId={periodId} publishedRunId={publishedRunId} />}
      <Revoked periodId={periodId} timezone={tz} />
    </Stack>
  );
}

const runLabel = (r: RankingRun, publishedRunId: string | null, tz: string) =>
  `Perhitungan #${r.id}${r.finishedAt ? `, ${formatDateTime(r.finishedAt, tz)}` : ''}${r.id === publishedRunId ? ' (diterbitkan)' : ''}`;

function Runs({
  periodId,
  runs,
  publishedRunId,
  timezone,
  onStarted,
}: {
  periodId: string;
  runs: RankingRun[];
  publishedRunId: string | null;
  timezone: string;
  onStarted: () => void;
}) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [reused, setReused] = useState(false);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(api.POST('/periods/{id}/rankings', { params: { path: { id: periodId } } }));
      setReused(r.reused && r.status === 'DONE');
      onStarted();
      await qc.invalidateQueries({ queryKey: resultKeys.runs(periodId) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const latest = runs[0];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="runs-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="runs-title">
          Perhitungan peringkat
        </Title>
        <Group>
          <Button onClick={() => void start()} loading={busy}>
            Hitung peringkat
          </Button>
        </Group>
        <ActionError error={error} />
        {reused && (
          <Text size="sm" role="status">
            Data masukan tidak berubah sejak perhitungan terakhir: hasil yang ada dipakai lagi.
          </Text>
        )}
        {latest && (
          <Stack gap={4} data-testid="latest-run" data-status={latest.status}>
            <Text size="sm">
              Perhitungan terakhir #{latest.id}: <strong>{RUN_STATUS[latest.status]}</strong>
              {latest.status === 'DONE' &&
                latest.rankedCount !== null &&
                ` — ${formatCount(latest.rankedCount)} badan publik diperingkat, ${formatCount(latest.notParticipatingCount ?? 0)} tidak mengikuti monev`}
              {latest.id === publishedRunId && ' (diterbitkan)'}
            </Text>
            {latest.status !== 'DONE' && latest.status !== 'FAILED' && <Progress value={latest.progress} aria-label={`Kemajuan perhitungan ${latest.progress}%`} animated />}
            {latest.status === 'FAILED' && (
              <Text size="sm" c="red.8" role="alert">
                Perhitungan gagal. Coba hitung lagi.
              </Text>
            )}
            {latest.finishedAt && (
              <Text size="xs" c="dimmed">
                Selesai {formatDateTime(latest.finishedAt, timezone)}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Results({ runId }: { runId: string }) {
  const results = useResults(runId);
  if (results.error) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Loading />;
  const byCategory = new Map<string, RankingResult[]>();
  for (const r of results.data.items) byCategory.set(r.categoryCode, [...(byCategory.get(r.categoryCode) ?? []), r]);
  return (
    <section aria-labelledby="results-title" data-testid="results">
      <Title order={2} size="h3" id="results-title" mb="sm">
        Hasil per kategori
      </Title>
      <Stack gap="md">
        {[...byCategory.entries()].map(([code, rows]) => (
          <ScrollArea key={code} label={`Hasil kategori ${code}`}>
            <Table striped withTableBorder captionSide="top" data-testid="results-table" data-category={code}>
              <Table.Caption>
                {rows[0].categoryName} ({code})
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Peringkat</Table.Th>
                  <Table.Th scope="col">Badan publik</Table.Th>
                  <Table.Th scope="col">SAQ</Table.Th>
                  <Table.Th scope="col">Visitasi</Table.Th>
                  <Table.Th scope="col">Presentasi</Table.Th>
                  <Table.Th scope="col">Nilai akhir</Table.Th>
                  <Table.Th scope="col">Kualifikasi</Table.Th>
                  <Table.Th scope="col">Penentu urutan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.participationId} data-testid="result-row" data-participation={r.participationId}>
                    <Table.Td>{r.rankInCategory ?? '–'}</Table.Td>
                    <Table.Td>
                      {r.publicBody}
                      {r.finalist && (
                        <Badge ml={6} size="xs" variant="light">
                          Finalis
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatScore(r.saqScore)}</Table.Td>
                    <Table.Td>{formatScore(r.visitationScore)}</Table.Td>
                    <Table.Td>{formatScore(r.presentationScore)}</Table.Td>
                    <Table.Td fw={600}>{formatScore(r.finalScore)}</Table.Td>
                    <Table.Td>
                      <QualificationBadge code={r.qualification} label={r.qualificationLabel} />
                    </Table.Td>
                    <Table.Td data-testid="tie-break">{r.tieBreak ? TIE_BREAK[r.tieBreak] : '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        ))}
      </Stack>
    </section>
  );
}

function Comparison({ runId, candidates, publishedRunId, timezone }: { runId: string; candidates: RankingRun[]; publishedRunId: string | null; timezone: string }) {
  const [against, setAgainst] = useState<string | null>(null);
  const chosen = against ?? (candidates.find((r) => r.id === publishedRunId) ?? candidates[0])?.id;
  const diff = useComparison(runId, chosen);
  if (candidates.length === 0) return null;
  return (
    <section aria-labelledby="compare-title">
      <Title order={2} size="h3" id="compare-title" mb="sm">
        Perbedaan dengan perhitungan lain (koreksi)
      </Title>
      <Select
        label="Bandingkan dengan"
        data={candidates.map((r) => ({ value: r.id, label: runLabel(r, publishedRunId, timezone) }))}
        value={chosen ?? null}
        onChange={(v) => v && setAgainst(v)}
        allowDeselect={false}
        maw={480}
        mb="sm"
      />
      {diff.error ? (
        <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
      ) : !diff.data ? (
        <Loading />
      ) : diff.data.items.length === 0 ? (
        <Text>Tidak ada perbedaan dari {formatCount(diff.data.compared)} badan publik.</Text>
      ) : (
        <ScrollArea label="Perbedaan hasil">
          <Table withTableBorder captionSide="top" data-testid="comparison">
            <Table.Caption>
              {formatCount(diff.data.items.length)} dari {formatCount(diff.data.compared)} badan publik berubah
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Badan publik</Table.Th>
                <Table.Th scope="col">Sebelum</Table.Th>
                <Table.Th scope="col">Sesudah</Table.Th>
                <Table.Th scope="col">Perubahan nilai</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.data.items.map((d) => (
                <Table.Tr key={d.participationId}>
                  <Table.Td>
                    {d.publicBody}
                    <Text size="xs" c="dimmed">
                      {d.categoryCode}
                    </Text>
                  </Table.Td>
                  {[d.before, d.after].map((p, i) => (
                    <Table.Td key={i}>
                      {p ? (
                        <>
                          {formatScore(p.finalScore)} · peringkat {p.rankInCategory ?? '–'} <QualificationBadge code={p.qualification} label={p.qualificationLabel} />
                        </>
                      ) : (
                        'Tidak ada'
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td data-testid="change">{formatChange(d.change)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </section>
  );
}

function Publish({ periodId, runId, published }: { periodId: string; runId: string; published: boolean }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/periods/{id}/publish', { params: { path: { id: periodId } }, body: { runId } }));
      setDone(true);
      setOpen(false);
      await Promise.all([
        qc.invalidateQueries({ queryKey: resultKeys.runs(periodId) }),
        qc.invalidateQueries({ queryKey: adminKeys.period(periodId) }),
        qc.invalidateQueries({ queryKey: adminKeys.periods }),
        qc.invalidateQueries({ queryKey: resultKeys.revoked(periodId) }),
      ]);
    } catch (e) {
      setError(e);
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      {published ? (
        <Text data-testid="published-note">Hasil ini adalah hasil yang diterbitkan.</Text>
      ) : (
        <Group>
          <Button onClick={() => setOpen(true)}>Terbitkan hasil ini</Button>
        </Group>
      )}
      {done && (
        <Text role="status" size="sm">
          Hasil diterbitkan.
        </Text>
      )}
      <ActionError error={error} />
      <Modal opened={open} onClose={() => setOpen(false)} title="Terbitkan hasil pemeringkatan?">
        <Stack gap="sm">
          <Text size="sm">
            Hasil perhitungan #{runId} akan diumumkan di halaman publik. Jika periode sudah diterbitkan, hasil sebelumnya diganti (koreksi) dan piagamnya dicabut.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Batal
            </Button>
            <Button onClick={() => void publish()} loading={busy}>
              Ya, terbitkan
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Certificates({ periodId, publishedRunId }: { periodId: string; publishedRunId: string }) {
  const qc = useQueryClient();
  const [poll, setPoll] = useState(false);
  const batches = useBatches(periodId, poll);
  const latest = batches.data?.items[0];
  const running = latest?.status === 'RUNNING';
  useEffect(() => setPoll(running), [running]);
  const [error, setError] = useState<unknown>(null);
  const issue = async () => {
    setError(null);
    try {
      await unwrap(api.POST('/periods/{id}/certificates', { params: { path: { id: periodId } } }));
      setPoll(true);
      await qc.invalidateQueries({ queryKey: resultKeys.batches(periodId) });
    } catch (e) {
      setError(e);
    }
  };
  const pct = latest && latest.total > 0 ? Math.round(((latest.done + latest.failed) / latest.total) * 100) : 100;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="certs-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="certs-title">
          Piagam
        </Title>
        <Group>
          <Button onClick={() => void issue()} disabled={running}>
            Terbitkan piagam
          </Button>
        </Group>
        <ActionError error={error} />
        {latest && (
          <Stack gap={4} data-testid="batch" data-status={latest.status}>
            <Text size="sm">
              Perhitungan #{latest.runId}: {formatCount(latest.done)} dari {formatCount(latest.total)} piagam selesai
              {latest.failed > 0 && `, ${formatCount(latest.failed)} gagal`}
              {latest.status === 'DONE' && ' — selesai'}
              {latest.status === 'DONE_WITH_ERRORS' && ' — selesai dengan kesalahan'}
              {latest.status === 'FAILED' && ' — gagal'}
            </Text>
            {latest.runId !== publishedRunId && (
              <Text size="sm" fw={600} c="#7a2e00">
                Hasil yang diterbitkan sekarang (perhitungan #{publishedRunId}) belum memiliki piagam: terbitkan piagamnya.
              </Text>
            )}
            <Progress value={pct} color={latest.failed ? 'orange' : 'teal'} aria-label={`Kemajuan piagam ${pct}%`} animated={running} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Revoked({ periodId, timezone }: { periodId: string; timezone: string }) {
  const revoked = useRevoked(periodId);
  return (
    <section aria-labelledby="revoked-title">
      <Title order={2} size="h3" id="revoked-title" mb="sm">
        Piagam yang dicabut
      </Title>
      {revoked.error ? (
        <ErrorState error={revoked.error} onRetry={() => void revoked.refetch()} />
      ) : !revoked.data ? (
        <Loading />
      ) : revoked.data.items.length === 0 ? (
        <Text data-testid="no-revoked">Tidak ada piagam yang dicabut.</Text>
      ) : (
        <ScrollArea label="Piagam yang dicabut">
          <Table striped withTableBorder data-testid="revoked">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Badan publik</Table.Th>
                <Table.Th scope="col">Kode piagam</Table.Th>
                <Table.Th scope="col">Nilai dan kualifikasi lama</Table.Th>
                <Table.Th scope="col">Dicabut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {revoked.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.publicBody}</Table.Td>
                  <Table.Td>
                    <code>{c.code}</code>
                  </Table.Td>
                  <Table.Td>
                    {formatScore(c.finalScore)} · {c.qualificationLabel}
                  </Table.Td>
                  <Table.Td>{formatDateTime(c.revokedAt, timezone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </section>
  );
}
