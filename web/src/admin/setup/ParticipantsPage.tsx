import { Alert, Badge, Button, Group, MultiSelect, Pagination, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Period } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorSummary, errorFor, formErrorsOf, refusalText, type FormError } from '../forms';
import { STATUS_LABELS } from '../labels';
import { adminKeys, useBodies, useCategories, useParticipants } from '../queries';
import { usePeriodFromRoute } from '../usePeriodFromRoute';
import { ScrollArea } from '../../ui/ScrollArea';

/** Enrollment by category or by body, and the period's participants. */
export default function ParticipantsPage() {
  const period = usePeriodFromRoute();
  usePageTitle('Peserta');
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Loading />;
  return (
    <Stack gap="md">
      <Title order={1}>
        Peserta {period.data.name} {period.data.year}
      </Title>
      <Enroll periodId={period.data.id} />
      <List period={period.data} />
    </Stack>
  );
}

function Enroll({ periodId }: { periodId: string }) {
  const qc = useQueryClient();
  const categories = useCategories();
  const bodies = useBodies();
  const [by, setBy] = useState<'category' | 'body'>('category');
  const [codes, setCodes] = useState<string[]>([]);
  const [ids, setIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      const r = await unwrap(
        api.POST('/periods/{id}/participants', { params: { path: { id: periodId } }, body: by === 'category' ? { categoryCodes: codes } : { publicBodyIds: ids } }),
      );
      setMessage({ ok: true, text: `${formatCount(r.enrolled)} badan publik didaftarkan; ${formatCount(r.alreadyEnrolled)} sudah terdaftar sebelumnya.` });
      setCodes([]);
      setIds([]);
      await qc.invalidateQueries({ queryKey: adminKeys.participants(periodId) });
    } catch (err) {
      const fe = formErrorsOf(err, {
        categoryCodes: { label: 'Kategori', target: 'enroll-categories' },
        publicBodyIds: { label: by === 'category' ? 'Kategori' : 'Badan publik', target: by === 'category' ? 'enroll-categories' : 'enroll-bodies' },
      });
      setErrors(fe);
      if (!fe.length) setMessage({ ok: false, text: refusalText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="daftarkan">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="daftarkan">
            Daftarkan peserta
          </Title>
          <ErrorSummary errors={errors} />
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} variant="outline" role={message.ok ? 'status' : 'alert'} data-testid="enroll-result">
              {message.text}
            </Alert>
          )}
          <SegmentedControl
            value={by}
            onChange={(v) => setBy(v as 'category' | 'body')}
            data={[
              { value: 'category', label: 'Per kategori' },
              { value: 'body', label: 'Per badan publik' },
            ]}
            aria-label="Cara mendaftarkan"
          />
          {by === 'category' ? (
            <MultiSelect
              id="enroll-categories"
              label="Kategori (semua badan publiknya)"
              data={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }))}
              value={codes}
              onChange={setCodes}
              error={errorFor(errors, 'categoryCodes') ?? errorFor(errors, 'publicBodyIds')}
            />
          ) : (
            <MultiSelect
              id="enroll-bodies"
              label="Badan publik"
              searchable
              data={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} (${b.categoryCode})` }))}
              value={ids}
              onChange={setIds}
              error={errorFor(errors, 'publicBodyIds')}
              nothingFoundMessage="Tidak ditemukan"
            />
          )}
          <Group>
            <Button type="submit" loading={busy}>
              Daftarkan
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function List({ period }: { period: Period }) {
  const [page, setPage] = useState(1);
  const list = useParticipants(period.id, page);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="daftar-peserta">
      <Stack gap="sm">
        <Title order={2} size="h3" id="daftar-peserta">
          Daftar peserta
        </Title>
        {list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.total === 0 ? (
          <Text>Belum ada peserta.</Text>
        ) : (
          <>
            <Text size="sm">{formatCount(list.data.total)} peserta.</Text>
            <ScrollArea label="Tabel; geser ke samping bila terpotong">
              <Table withTableBorder striped data-testid="participant-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Badan publik</Table.Th>
                    <Table.Th scope="col">Kategori</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Batas waktu</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.publicBody.name}</Table.Td>
                      <Table.Td>{p.categoryCode}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{STATUS_LABELS[p.status]}</Badge>
                      </Table.Td>
                      <Table.Td>{p.deadline ? formatDateTime(p.deadline, period.timezone) : '–'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {list.data.total > list.data.pageSize && (
              <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage} getControlProps={() => ({})} aria-label="Halaman peserta" />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
