import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';
import { Loading } from '../ui/Loading';
import { useSession } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';
import { certificatePdf, useCertificateMeta, useMine, usePeriod } from './queries';
import QuestionnairePage from './QuestionnairePage';
import type { Participation } from '../api/types';
import { FROM_OBJECTION, STAGE_LABELS, STATUS_LABELS } from '../ui/labels';
import VerificationPage from './VerificationPage';
import { Countdown, saveErrorText } from '../ui/widgets';

/** The PPID's pages under /beranda. */
export default function PpidArea() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="kuesioner/:id" element={<QuestionnairePage />} />
      <Route path="verifikasi/:id" element={<VerificationPage />} />
    </Routes>
  );
}

function Overview() {
  const user = useSession();
  usePageTitle('Beranda');
  const mine = useMine();
  return (
    <Stack gap="md">
      <Title order={1}>Beranda PPID badan publik</Title>
      <Text>Selamat datang, {user?.name}.</Text>
      {mine.error ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !mine.data ? (
        <Loading />
      ) : mine.data.items.length === 0 ? (
        <Text>Badan publik Anda belum terdaftar sebagai peserta monev.</Text>
      ) : (
        mine.data.items.map((p) => <ParticipationCard key={p.id} participation={p} />)
      )}
    </Stack>
  );
}

function ParticipationCard({ participation: p }: { participation: Participation }) {
  const period = usePeriod(p.periodId);
  const published = p.stage === 'PUBLISHED' || p.stage === 'ARCHIVED';
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Loading />;
  const tz = period.data.timezone;
  const inSaq = p.stage === 'SAQ';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`periode-${p.id}`} data-testid="participation">
      <Stack gap="sm">
        <Title order={2} size="h3" id={`periode-${p.id}`}>
          {period.data.name} {p.periodYear}
        </Title>
        <Group gap="xs">
          <Badge variant="filled" data-testid="stage">
            Tahap: {STAGE_LABELS[p.stage] ?? p.stage}
          </Badge>
          <Badge variant="light" color={p.status === 'NOT_PARTICIPATING' ? 'red' : 'gray'} data-testid="status">
            {STATUS_LABELS[p.status] ?? p.status}
          </Badge>
        </Group>
        {p.deadline && (
          <Stack gap={2} data-testid="deadline">
            <Text>
              Batas waktu pengisian Anda: <strong>{formatDateTime(p.deadline, tz)}</strong>
              {p.deadlineExtended && (
                <Badge ml="xs" color="teal" variant="light" data-testid="extension">
                  Diperpanjang
                </Badge>
              )}
            </Text>
            {inSaq && !p.submittedAt && <Countdown iso={p.deadline} />}
          </Stack>
        )}
        {p.submittedAt && <Text>Kuesioner dikirim pada {formatDateTime(p.submittedAt, tz)}.</Text>}
        <div className="table-scroll">
          <Table striped withTableBorder captionSide="top" data-testid="aspect-progress">
            <Table.Caption>Kemajuan pengisian per aspek</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Aspek</Table.Th>
                <Table.Th scope="col">Terjawab</Table.Th>
                <Table.Th scope="col">Data dukung kurang</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.progressByAspect.map((a) => (
                <Table.Tr key={a.aspectCode}>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>
                    {a.answered} / {a.total}
                  </Table.Td>
                  <Table.Td>{a.missingEvidence}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">Jumlah</Table.Th>
                <Table.Td>
                  {p.progress.answered} / {p.progress.total}
                </Table.Td>
                <Table.Td>{p.progress.missingEvidence}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
        <Group gap="sm">
          <Button component={Link} to={`/beranda/kuesioner/${p.id}`}>
            {p.writable ? 'Isi kuesioner' : 'Lihat kuesioner'}
          </Button>
          {FROM_OBJECTION.includes(p.stage) && p.status !== 'NOT_PARTICIPATING' && (
            <Button component={Link} to={`/beranda/verifikasi/${p.id}`} variant="outline">
              {p.stage === 'OBJECTION' ? 'Hasil verifikasi dan sanggah' : 'Hasil verifikasi'}
            </Button>
          )}
        </Group>
        {published && <Certificate participationId={p.id} timezone={tz} />}
      </Stack>
    </Paper>
  );
}

function Certificate({ participationId, timezone }: { participationId: string; timezone: string }) {
  const meta = useCertificateMeta(participationId, true);
  const [error, setError] = useState<unknown>(null);
  if (meta.error instanceof ApiError && meta.error.status === 404) return <Text data-testid="certificate">Piagam belum diterbitkan.</Text>;
  if (meta.error) return <ErrorState error={meta.error} onRetry={() => void meta.refetch()} />;
  if (!meta.data) return <Loading />;
  const download = async () => {
    setError(null);
    try {
      const blob = await certificatePdf(participationId);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `piagam-${meta.data.code}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs" data-testid="certificate">
      <Text>
        Piagam diterbitkan {formatDateTime(meta.data.issuedAt, timezone)}
        {meta.data.revoked ? ' (dicabut)' : ''}.
      </Text>
      <Group>
        <Button onClick={() => void download()} variant="filled">
          Unduh piagam (PDF)
        </Button>
      </Group>
      {error != null && (
        <Alert className="ppid-alert" color="red" variant="outline" role="alert">
          Piagam gagal diunduh: {saveErrorText(error)}
        </Alert>
      )}
    </Stack>
  );
}
