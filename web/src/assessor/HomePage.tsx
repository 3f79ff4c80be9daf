import { Anchor, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
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
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="assignments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Badan publik</Table.Th>
                  <Table.Th scope="col">Kemajuan</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Tahap dan batas waktu</Table.Th>
                  <Table.Th scope="col">Tindakan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mine.data.items.map((a) => (
                  <AssignmentRow key={a.participationId} a={a} />
                ))}
              </Table.Tbody>
            </Table>
          </div>
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

function AssignmentRow({ a }: { a: Assignment }) {
  const window = closing(a);
  const share = a.progress.total ? Math.round((a.progress.verified / a.progress.total) * 100) : 0;
  return (
    <Table.Tr data-testid="assignment" data-id={a.participationId}>
      <Table.Td>
        {a.publicBody.name}
        <Text size="xs" c="dimmed">
          Kategori {a.categoryCode}
        </Text>
      </Table.Td>
      <Table.Td miw={140}>
        <Text size="sm" data-testid="progress">
          {formatCount(a.progress.verified)} / {formatCount(a.progress.total)} terverifikasi
        </Text>
        <Progress value={share} aria-label={`Kemajuan verifikasi ${a.publicBody.name}: ${a.progress.verified} dari ${a.progress.total}`} size="sm" />
      </Table.Td>
      <Table.Td>
        <Badge variant="light">{STATUS_LABELS[a.status]}</Badge>
        {a.objections.open > 0 && (
          <Badge variant="filled" ml={4} data-testid="open-objections">
            {a.objections.open} sanggah menunggu
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{STAGE_LABELS[a.stage]}</Text>
        {window && (
          <Text size="xs">
            {window.label}: {formatDateTime(window.at, a.timezone)}
            <br />
            <Countdown iso={window.at} />
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component={Link} to={`/beranda/verifikasi/${a.participationId}`}>
            {a.stage === 'VERIFICATION' && a.status === 'SUBMITTED' ? 'Verifikasi' : 'Lihat verifikasi'} {a.publicBody.name}
          </Anchor>
          {a.objections.total > 0 && (
            <Anchor component={Link} to={`/beranda/sanggah/${a.participationId}`}>
              Sanggah {a.publicBody.name}
            </Anchor>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
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
