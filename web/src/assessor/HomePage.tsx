import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Link, Route, Routes, useParams } from 'react-router';
import type { Assignment } from '../api/types';
import NotFoundPage from '../public/NotFoundPage';
import { ErrorState } from '../ui/ErrorState';
import { formatCount, formatDateTime } from '../ui/format';
import { STAGE_LABELS, STATUS_LABELS } from '../ui/labels';
import { Loading } from '../ui/Loading';
import { useSession } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';
import { VisitationForm } from '../ui/VisitationForm';
import { Countdown } from '../ui/widgets';
import DeskPage from './DeskPage';
import ObjectionsPage from './ObjectionsPage';
import { keys, useAssignments, useVisits } from './queries';

/** The assessor's pages under /beranda. */
export default function AssessorArea() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="verifikasi/:id" element={<DeskPage />} />
      <Route path="sanggah/:id" element={<ObjectionsPage />} />
      <Route path="visitasi/:id" element={<VisitPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The window that is running for an assignment: verification, then objections. */
function closing(a: Assignment): { label: string; at: string } | null {
  if (a.stage === 'VERIFICATION') return { label: 'Batas verifikasi', at: a.verificationClosesAt };
  if (a.stage === 'OBJECTION') return { label: 'Batas masa sanggah', at: a.objectionClosesAt };
  return null;
}

function Overview() {
  const user = useSession();
  usePageTitle('Beranda');
  const mine = useAssignments();
  const visits = useVisits();
  return (
    <Stack gap="md">
      <Title order={1}>Beranda verifikator</Title>
      <Text>Selamat datang, {user?.name}.</Text>
      <section aria-labelledby="tugas-title">
        <Title order={2} size="h3" id="tugas-title" mb="sm">
          Kuesioner yang ditugaskan
        </Title>
        {mine.error ? (
          <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        ) : !mine.data ? (
          <Loading />
        ) : mine.data.items.length === 0 ? (
          <Text>Belum ada kuesioner yang ditugaskan kepada Anda.</Text>
        ) : (
          <Stack gap="sm" data-testid="assignments">
            {mine.data.items.map((a) => (
              <AssignmentCard key={a.participationId} a={a} />
            ))}
          </Stack>
        )}
      </section>
      {visits.data && visits.data.items.length > 0 && (
        <section aria-labelledby="visitasi-list-title">
          <Title order={2} size="h3" id="visitasi-list-title" mb="sm">
            Finalis yang Anda kunjungi
          </Title>
          <Stack gap="xs" data-testid="visits">
            {visits.data.items.map((v) => (
              <Paper withBorder p="sm" key={v.participationId}>
                <Group justify="space-between">
                  <Text>
                    {v.publicBody.name} ({v.categoryCode}) · {STAGE_LABELS[v.stage]}
                  </Text>
                  <Anchor component={Link} to={`/beranda/visitasi/${v.participationId}`}>
                    {v.visitation ? 'Ubah visitasi' : 'Isi visitasi'} {v.publicBody.name}
                  </Anchor>
                </Group>
              </Paper>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

function AssignmentCard({ a }: { a: Assignment }) {
  const window = closing(a);
  const share = a.progress.total ? Math.round((a.progress.verified / a.progress.total) * 100) : 0;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`tugas-${a.participationId}`} data-testid="assignment" data-id={a.participationId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={3} size="h4" id={`tugas-${a.participationId}`}>
              {a.publicBody.name}
            </Title>
            <Text size="sm" c="dimmed">
              Kategori {a.categoryCode} · Tahap {STAGE_LABELS[a.stage]}
            </Text>
          </div>
          <Group gap={4}>
            <Badge variant="light">{STATUS_LABELS[a.status]}</Badge>
            {a.objections.open > 0 && (
              <Badge variant="filled" data-testid="open-objections">
                {a.objections.open} sanggah menunggu
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" data-testid="progress">
          {formatCount(a.progress.verified)} / {formatCount(a.progress.total)} terverifikasi
        </Text>
        <Progress value={share} aria-label={`Kemajuan verifikasi ${a.publicBody.name}: ${a.progress.verified} dari ${a.progress.total}`} size="sm" maw={420} />
        {window && (
          <Text size="sm" data-testid="closing">
            {window.label}: {formatDateTime(window.at, a.timezone)} · <Countdown iso={window.at} />
          </Text>
        )}
        <Group gap="md">
          <Anchor component={Link} to={`/beranda/verifikasi/${a.participationId}`}>
            {a.stage === 'VERIFICATION' && a.status === 'SUBMITTED' ? 'Verifikasi' : 'Lihat verifikasi'} {a.publicBody.name}
          </Anchor>
          {a.objections.total > 0 && (
            <Anchor component={Link} to={`/beranda/sanggah/${a.participationId}`}>
              Sanggah {a.publicBody.name}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** An assessor's visitation form for a finalist it was assigned to visit. */
function VisitPage() {
  const { id = '' } = useParams();
  usePageTitle('Visitasi');
  const visits = useVisits();
  if (visits.error) return <ErrorState error={visits.error} onRetry={() => void visits.refetch()} />;
  if (!visits.data) return <Loading />;
  const v = visits.data.items.find((x) => x.participationId === id);
  if (!v) return <NotFoundPage />;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/beranda" size="sm">
          ← Beranda
        </Anchor>
        <Title order={1}>Visitasi: {v.publicBody.name}</Title>
        <Text>Kategori {v.categoryCode}</Text>
      </div>
      <VisitationForm finalist={v} invalidate={keys.visits} open={v.stage === 'VISITATION'} />
    </Stack>
  );
}
