import { Alert, Button, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { BodyInvitation, InvitationBatch, InvitationBatchQueued, Period } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { MAIL_STATUS_LABELS, MAIL_STATUS_TONES, StatusTag } from './labels';
import { ScrollArea } from '../../ui/ScrollArea';

function AccountState({ row }: { row: BodyInvitation }) {
  if (row.activated) return <StatusTag tone="good">Aktif</StatusTag>;
  if (row.userId) return <StatusTag tone="warn">Belum aktivasi</StatusTag>;
  return <StatusTag tone="neutral">Belum diundang</StatusTag>;
}

function BatchProgress({ batch }: { batch: InvitationBatch }) {
  const percent = batch.total ? Math.round((100 * batch.processed) / batch.total) : 100;
  return (
    <Stack gap="xs" aria-live="polite">
      <Text fw={600}>{batch.status === 'RUNNING' ? 'Undangan sedang dikirim…' : batch.status === 'DONE' ? 'Pengiriman undangan selesai' : 'Pengiriman undangan gagal'}</Text>
      <Progress value={percent} aria-label={`Kemajuan undangan ${percent}%`} />
      <Text size="sm">
        {formatCount(batch.processed)} dari {formatCount(batch.total)} badan publik diproses: {formatCount(batch.invited)} diundang, {formatCount(batch.skipped)} sudah aktif,{' '}
        {formatCount(batch.failed)} gagal.
      </Text>
      {batch.failures.length > 0 && (
        <Alert color="red" variant="outline" title="Tidak dapat diundang">
          <List size="sm">
            {batch.failures.map((f) => (
              <List.Item key={f.publicBodyId}>
                {f.publicBodyName}: {f.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/** "Undangan": invite the period's enrolled bodies (a job with progress) and re-invite one PPID. */
export default function InvitationsPage() {
  usePageTitle('Undangan');
  const { periodId = '' } = useParams();
  const qc = useQueryClient();
  const [batchId, setBatchId] = useState<string | null>(null);
  const period = useQuery({ queryKey: ['period', periodId], queryFn: () => unwrap<Period>(api.GET('/periods/{id}', { params: { path: { id: periodId } } })) });
  const list = useQuery({
    queryKey: ['invitations', periodId],
    queryFn: () => unwrap(api.GET('/periods/{id}/invitations', { params: { path: { id: periodId } } })),
  });
  const latest = useQuery({
    queryKey: ['invitation-batch', periodId, batchId],
    queryFn: async () => {
      if (batchId) return unwrap<InvitationBatch>(api.GET('/invitation-batches/{id}', { params: { path: { id: batchId } } }));
      const r = await unwrap(api.GET('/periods/{id}/invitation-batches/latest', { params: { path: { id: periodId } } }));
      return r.items[0] ?? null;
    },
    refetchInterval: (q) => (q.state.data?.status === 'RUNNING' ? 1000 : false),
  });
  const inviteAll = useMutation({
    mutationFn: () => unwrap<InvitationBatchQueued>(api.POST('/periods/{id}/invitations', { params: { path: { id: periodId } } })),
    onSuccess: (r) => setBatchId(r.batchId),
  });
  const reinvite = useMutation({
    mutationFn: (row: BodyInvitation) =>
      row.userId
        ? unwrap(api.POST('/users/{id}/invitation', { params: { path: { id: row.userId } } }))
        : unwrap(api.POST('/invitations', { body: { publicBodyId: row.publicBodyId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations', periodId] }),
  });
  const batchDone = latest.data && latest.data.status !== 'RUNNING';
  const [seen, setSeen] = useState<string | null>(null);
  if (batchDone && latest.data && seen !== latest.data.id) {
    setSeen(latest.data.id);
    void qc.invalidateQueries({ queryKey: ['invitations', periodId] });
  }

  if (period.isPending || list.isPending) return <Loading />;
  if (period.error || list.error) return <ErrorState error={period.error ?? list.error} onRetry={() => (period.refetch(), list.refetch())} />;
  const tz = period.data.timezone;
  const rows = list.data.items;
  const activated = rows.filter((r) => r.activated).length;

  return (
    <Stack gap="md">
      <Title order={1}>Undangan</Title>
      <Text>
        Undang PPID setiap badan publik peserta {period.data.name} {period.data.year} melalui e-mail resmi di registri. Setiap undangan membawa tautan aktivasi sekali pakai;
        mengundang ulang mengganti tautan lama. Badan publik yang akunnya sudah aktif dilewati.
      </Text>
      <Text>
        {formatCount(activated)} dari {formatCount(rows.length)} PPID peserta sudah mengaktifkan akun.
      </Text>
      <Group>
        <Button onClick={() => inviteAll.mutate()} loading={inviteAll.isPending} disabled={latest.data?.status === 'RUNNING' || rows.length === 0}>
          Undang semua badan publik peserta
        </Button>
      </Group>
      {inviteAll.error && <ErrorState error={inviteAll.error} onRetry={() => inviteAll.mutate()} />}
      {latest.data && <BatchProgress batch={latest.data} />}
      {reinvite.error && <ErrorState error={reinvite.error} />}
      {reinvite.isSuccess && (
        <Alert color="green" variant="outline" role="status" title="Undangan dikirim">
          Tautan aktivasi baru sedang dikirim; tautan sebelumnya tidak berlaku lagi.
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text>Belum ada badan publik peserta pada periode ini.</Text>
      ) : (
        <ScrollArea label="Undangan PPID badan publik peserta">
          <Table striped verticalSpacing="xs" aria-label="Undangan PPID badan publik peserta">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Badan publik</Table.Th>
                <Table.Th scope="col">E-mail resmi</Table.Th>
                <Table.Th scope="col">Akun</Table.Th>
                <Table.Th scope="col">Diundang</Table.Th>
                <Table.Th scope="col">E-mail undangan</Table.Th>
                <Table.Th scope="col">Aksi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.participationId} data-testid="invitation-row">
                  <Table.Td>{r.publicBodyName}</Table.Td>
                  <Table.Td>
                    {r.accountEmail ?? r.officialEmail ?? (
                      <Text span c="dimmed">
                        Tidak ada di registri
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <AccountState row={r} />
                  </Table.Td>
                  <Table.Td>
                    {r.invitedAt ? formatDateTime(r.invitedAt, tz) : '–'}
                    {r.linkExpiresAt && (
                      <Text size="xs" c="dimmed">
                        Tautan berlaku sampai {formatDateTime(r.linkExpiresAt, tz)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.mailStatus ? <StatusTag tone={MAIL_STATUS_TONES[r.mailStatus]}>{MAIL_STATUS_LABELS[r.mailStatus]}</StatusTag> : '–'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      disabled={!r.userId && !r.officialEmail}
                      loading={reinvite.isPending && reinvite.variables?.participationId === r.participationId}
                      onClick={() => reinvite.mutate(r)}
                      aria-label={`${r.userId ? 'Undang ulang' : 'Undang'} PPID ${r.publicBodyName}`}
                    >
                      {r.userId ? 'Undang ulang' : 'Undang'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}
