import { Alert, Button, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import type { NotificationStatus, OutboxItem, OutboxPage as OutboxList, Period } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { MAIL_STATUS_LABELS, MAIL_STATUS_TONES, StatusTag } from './labels';
import { ScrollArea } from '../../ui/ScrollArea';

const PAGE_SIZE = 50;
type Occasion = OutboxItem['occasion'];
const OCCASION_OPTIONS: { value: Occasion; label: string }[] = [
  { value: 'INVITATION', label: 'Undangan aktivasi akun' },
  { value: 'SAQ_REMINDER', label: 'Pengingat batas waktu SAQ' },
  { value: 'VERIFICATION_READY', label: 'Hasil verifikasi tersedia' },
  { value: 'OBJECTION_DECIDED', label: 'Sanggah telah diputuskan' },
  { value: 'RANKING_PUBLISHED', label: 'Hasil pemeringkatan terbit' },
];

/** "Kotak keluar": the period's notices with their status, attempts and last error; a failed one can be sent again. */
export default function OutboxPage() {
  usePageTitle('Kotak keluar');
  const { periodId = '' } = useParams();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<NotificationStatus | null>(null);
  const [occasion, setOccasion] = useState<Occasion | null>(null);
  const period = useQuery({ queryKey: ['period', periodId], queryFn: () => unwrap<Period>(api.GET('/periods/{id}', { params: { path: { id: periodId } } })) });
  const outbox = useQuery({
    queryKey: ['outbox', periodId, page, status, occasion],
    queryFn: () =>
      unwrap<OutboxList>(
        api.GET('/notifications', { params: { query: { periodId, page, pageSize: PAGE_SIZE, ...(status ? { status } : {}), ...(occasion ? { occasion } : {}) } } }),
      ),
    refetchInterval: (q) => (q.state.data?.items.some((n) => n.status === 'PENDING' || n.status === 'SENDING') ? 3000 : false),
  });
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbox', periodId] }),
  });

  if (period.isPending) return <Loading />;
  if (period.error) return <ErrorState error={period.error} onRetry={() => period.refetch()} />;
  const tz = period.data.timezone;

  return (
    <Stack gap="md">
      <Title order={1}>Kotak keluar</Title>
      <Text>
        Setiap e-mail pemberitahuan {period.data.name} {period.data.year} dikirim paling banyak satu kali per penerima. E-mail yang gagal dicoba ulang otomatis; setelah semua
        percobaan gagal, galat terakhirnya tampil di sini.
      </Text>
      <Group align="end">
        <Select
          label="Status"
          placeholder="Semua status"
          clearable
          data={Object.entries(MAIL_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={(v) => (setStatus(v as NotificationStatus | null), setPage(1))}
        />
        <Select
          label="Keperluan"
          placeholder="Semua keperluan"
          clearable
          data={OCCASION_OPTIONS}
          value={occasion}
          onChange={(v) => (setOccasion(v as Occasion | null), setPage(1))}
        />
      </Group>
      {retry.error && (
        <Alert color="red" variant="outline" role="alert" title="Tidak dapat dikirim ulang">
          {retry.error instanceof ApiError && retry.error.status === 422
            ? 'Hanya e-mail yang gagal dan tidak membawa tautan sekali pakai yang dapat dikirim ulang.'
            : 'Coba lagi nanti.'}
        </Alert>
      )}
      {outbox.isPending ? (
        <Loading />
      ) : outbox.error ? (
        <ErrorState error={outbox.error} onRetry={() => outbox.refetch()} />
      ) : outbox.data.items.length === 0 ? (
        <Text>Belum ada e-mail pada kotak keluar{status || occasion ? ' untuk pilihan ini' : ''}.</Text>
      ) : (
        <>
          <Text size="sm">{formatCount(outbox.data.total)} e-mail</Text>
          <ScrollArea label="Kotak keluar e-mail pemberitahuan">
            <Table striped verticalSpacing="xs" aria-label="Kotak keluar e-mail pemberitahuan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Penerima</Table.Th>
                  <Table.Th scope="col">Keperluan</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Percobaan</Table.Th>
                  <Table.Th scope="col">Galat terakhir</Table.Th>
                  <Table.Th scope="col">Waktu</Table.Th>
                  <Table.Th scope="col">Aksi</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.items.map((n) => (
                  <Table.Tr key={n.id} data-testid="outbox-row">
                    <Table.Td>
                      {n.recipientName}
                      <Text size="xs" c="dimmed">
                        {n.recipientEmail}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {n.occasionLabel}
                      <Text size="xs" c="dimmed">
                        {n.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusTag tone={MAIL_STATUS_TONES[n.status]}>{MAIL_STATUS_LABELS[n.status]}</StatusTag>
                    </Table.Td>
                    <Table.Td>{formatCount(n.attempts)}</Table.Td>
                    <Table.Td>{n.lastError ?? '–'}</Table.Td>
                    <Table.Td>
                      Dibuat {formatDateTime(n.createdAt, tz)}
                      {n.sentAt && (
                        <Text size="xs" c="dimmed">
                          Terkirim {formatDateTime(n.sentAt, tz)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {n.status === 'FAILED' && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => retry.mutate(n.id)}
                          loading={retry.isPending && retry.variables === n.id}
                          aria-label={`Kirim ulang ke ${n.recipientEmail}`}
                        >
                          Kirim ulang
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {outbox.data.total > PAGE_SIZE && <Pagination total={Math.ceil(outbox.data.total / PAGE_SIZE)} value={page} onChange={setPage} aria-label="Halaman kotak keluar" />}
        </>
      )}
    </Stack>
  );
}
