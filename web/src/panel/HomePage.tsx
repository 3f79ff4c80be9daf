import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { decimalInput, type PanelFinalist, type Period } from '../api/types';
import NotFoundPage from '../public/NotFoundPage';
import { ErrorState } from '../ui/ErrorState';
import { decimalFromInput, formatScore } from '../ui/format';
import { STAGE_LABELS } from '../ui/labels';
import { Loading } from '../ui/Loading';
import { useSession } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';
import { ConflictNote, VisitationForm } from '../ui/VisitationForm';
import { RetryButton, saveErrorText } from '../ui/widgets';

const MINE = ['panel', 'mine'] as const;
const useMine = () => useQuery({ queryKey: MINE, queryFn: () => unwrap(api.GET('/panel/mine')), staleTime: 0 });
const usePeriod = (id: string | undefined) =>
  useQuery({ queryKey: ['panel', 'period', id], enabled: !!id, queryFn: () => unwrap(api.GET('/periods/{id}', { params: { path: { id: id! } } })), staleTime: 60_000 });

/** The panelist's pages under /beranda. */
export default function PanelArea() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="finalis/:id" element={<FinalistPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function Overview() {
  const user = useSession();
  usePageTitle('Beranda');
  const mine = useMine();
  return (
    <Stack gap="md">
      <Title order={1}>Beranda panelis</Title>
      <Text>Selamat datang, {user?.name}.</Text>
      <Title order={2} size="h3">
        Finalis yang Anda nilai
      </Title>
      {mine.error ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !mine.data ? (
        <Loading />
      ) : mine.data.items.length === 0 ? (
        <Text>Belum ada finalis yang ditugaskan kepada Anda.</Text>
      ) : (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="finalists">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Finalis</Table.Th>
                <Table.Th scope="col">Tahap</Table.Th>
                <Table.Th scope="col">Nilai Anda</Table.Th>
                <Table.Th scope="col">Tindakan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.data.items.map((f) => (
                <Table.Tr key={f.participationId} data-testid="finalist" data-id={f.participationId}>
                  <Table.Td>
                    {f.publicBody.name}
                    <Text size="xs" c="dimmed">
                      Kategori {f.categoryCode} · {f.periodYear}
                    </Text>
                  </Table.Td>
                  <Table.Td>{STAGE_LABELS[f.stage]}</Table.Td>
                  <Table.Td>
                    <Text size="sm">Visitasi: {formatScore(f.visitation?.score)}</Text>
                    <Text size="sm">Presentasi: {formatScore(f.presentation?.total)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/beranda/finalis/${f.participationId}`}>
                      Nilai {f.publicBody.name}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}

function FinalistPage() {
  const { id = '' } = useParams();
  usePageTitle('Lembar penilaian finalis');
  const mine = useMine();
  const f = mine.data?.items.find((x) => x.participationId === id);
  const period = usePeriod(f?.periodId);
  if (mine.error) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <Loading />;
  if (!f) return <NotFoundPage />;
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Loading />;
  const withVisitation = period.data.weights.visitation !== '0.00';
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/beranda" size="sm">
          ← Beranda
        </Anchor>
        <Title order={1}>{f.publicBody.name}</Title>
        <Group gap="xs">
          <Badge variant="light">Tahap: {STAGE_LABELS[f.stage]}</Badge>
          <Text size="sm">
            Kategori {f.categoryCode} · {period.data.name} {f.periodYear}
          </Text>
        </Group>
      </div>
      {withVisitation && <VisitationForm finalist={f} invalidate={MINE} open={f.stage === 'VISITATION'} />}
      <PresentationSheet key={f.presentation?.version ?? 0} finalist={f} period={period.data} open={f.stage === 'PRESENTATION'} />
    </Stack>
  );
}

/** The rubric's criteria with their weights; the weighted total and the body's mean come from the API. */
function PresentationSheet({ finalist: f, period, open }: { finalist: PanelFinalist; period: Period; open: boolean }) {
  const qc = useQueryClient();
  const own = new Map((f.presentation?.criteria ?? []).map((c) => [c.code, formatScore(c.score)]));
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(period.presentationRubric.map((c) => [c.code, own.get(c.code) ?? ''])));
  const [note, setNote] = useState(f.presentation?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ total: string; body: string | null } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(
        api.PUT('/participations/{id}/presentation-scores', {
          params: { path: { id: f.participationId } },
          body: {
            criteria: period.presentationRubric.map((c) => ({ code: c.code, score: decimalInput(decimalFromInput(scores[c.code] ?? '')) })),
            note: note.trim() || undefined,
            version: f.presentation?.version ?? 0,
          },
        }),
      );
      setResult({ total: r.total, body: r.bodyPresentationScore });
      await qc.invalidateQueries({ queryKey: MINE });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const invalid = error instanceof ApiError && error.status === 400;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presentasi-title" data-testid="presentation">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="presentasi-title">
            Presentasi
          </Title>
          {!open && <Text size="sm">Lembar presentasi hanya dapat disimpan pada tahap Presentasi.</Text>}
          {period.presentationRubric.map((c) => (
            <TextInput
              key={c.code}
              label={`${c.title} (bobot ${formatScore(c.weight)}%), nilai 0 sampai 100`}
              inputMode="decimal"
              value={scores[c.code] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setScores((s) => ({ ...s, [c.code]: v }));
              }}
              readOnly={!open}
              required
              maw={360}
            />
          ))}
          <Textarea label="Catatan presentasi" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} readOnly={!open} />
          <Text size="sm" data-testid="own-total">
            Total tertimbang Anda: <strong>{formatScore(result?.total ?? f.presentation?.total)}</strong>
          </Text>
          <Text size="sm" data-testid="body-presentation">
            Nilai presentasi finalis (rata-rata panelis): <strong>{formatScore(result?.body ?? f.bodyPresentationScore)}</strong>
          </Text>
          {open && (
            <Group>
              <Button type="submit" loading={busy}>
                Simpan lembar presentasi
              </Button>
              {result && (
                <Text size="sm" fw={600} role="status" data-testid="presentation-saved">
                  Tersimpan
                </Text>
              )}
            </Group>
          )}
          {invalid && (
            <Text size="sm" c="red.8" role="alert">
              Setiap kriteria wajib dinilai 0 sampai 100, paling banyak dua desimal.
            </Text>
          )}
          {error instanceof ApiError && error.status === 409 && <ConflictNote onReload={() => void qc.invalidateQueries({ queryKey: MINE })} />}
          {error != null && !invalid && !(error instanceof ApiError && error.status === 409) && (
            <Alert className="ppid-alert" color="red" variant="outline" role="alert">
              <Group gap="sm">
                <Text size="sm">Gagal menyimpan: {saveErrorText(error)}</Text>
                {error instanceof ApiError && error.retryable && <RetryButton error={error} onRetry={() => setError(null)} />}
              </Group>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
