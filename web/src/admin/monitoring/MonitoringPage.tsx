import { Alert, Badge, Button, Group, Modal, Pagination, Paper, Progress, Select, Stack, Table, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import type { Monitoring, MonitoringRow, MonitoringState, Period } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatDateTime, formatScore, zoneLabel } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorSummary, errorFor, formErrorsOf, refusalText, type FormError } from '../forms';
import { MONITORING_STATE_LABELS, STAGE_LABELS } from '../labels';
import { adminKeys, useMonitoring, type MonitoringQuery } from '../queries';
import { usePeriodFromRoute } from '../usePeriodFromRoute';
import { instantToWall, wallToInstant } from '../zoned';
import { ScrollArea } from '../../ui/ScrollArea';

/** How often the page reads the counts again while the SAQ runs. */
export const POLL_MS = 15_000;
const PAGE_SIZE = 50;
type Sort = NonNullable<MonitoringQuery['sort']>;
const STATE_COLORS: Record<MonitoringState, string> = { NOT_STARTED: 'red.9', IN_PROGRESS: 'blue.9', SUBMITTED: 'teal.9', NOT_PARTICIPATING: 'gray.9' };

/** The SAQ at a glance, live while it runs: counts per category, and the bodies, sortable and filterable, with a deadline extension per row. */
export default function MonitoringPage() {
  const period = usePeriodFromRoute();
  usePageTitle('Pemantauan SAQ');
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Loading />;
  return <MonitoringView period={period.data} />;
}

function MonitoringView({ period }: { period: Period }) {
  const [state, setState] = useState<MonitoringState | null>(null);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [days, setDays] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>('progress');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  const [extending, setExtending] = useState<MonitoringRow | null>(null);
  const live = period.stage === 'SAQ';
  const query: MonitoringQuery = {
    sort,
    order,
    page,
    pageSize: PAGE_SIZE,
    ...(state ? { state } : {}),
    ...(categoryCode ? { categoryCode } : {}),
    ...(days ? { deadlineWithinDays: Number(days) } : {}),
  };
  const data = useMonitoring(period.id, query, live ? POLL_MS : 0);
  const m = data.data;
  const tz = period.timezone;
  const sortBy = (s: Sort) => {
    if (s === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(s);
      setOrder(s === 'lastActivity' ? 'desc' : 'asc');
    }
    setPage(1);
  };
  const filter = (f: () => void) => {
    f();
    setPage(1);
  };
  return (
    <Stack gap="md">
      <Title order={1}>
        Pemantauan SAQ {period.name} {period.year}
      </Title>
      <Group gap="sm" wrap="wrap">
        <Badge variant="filled">Tahap: {STAGE_LABELS[period.stage]}</Badge>
        {m?.saqWindow && <Text size="sm">Pengisian ditutup {formatDateTime(m.saqWindow.closesAt, tz)}</Text>}
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="refreshed">
          {live ? 'Diperbarui otomatis setiap 15 detik' : 'Tahap pengisian tidak berjalan; data tidak diperbarui otomatis'}
          {m ? ` · terakhir ${formatDateTime(m.generatedAt, tz)}` : ''}
        </Text>
      </Group>
      {data.error && !m ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : !m ? (
        <Loading />
      ) : (
        <>
          <Counts m={m} />
          <Paper withBorder p="md" component="section" aria-labelledby="badan-publik">
            <Stack gap="sm">
              <Title order={2} size="h3" id="badan-publik">
                Badan publik
              </Title>
              <Group gap="sm" wrap="wrap" align="flex-end">
                <Select
                  label="Status"
                  placeholder="Semua status"
                  clearable
                  clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}

                  data={(Object.keys(MONITORING_STATE_LABELS) as MonitoringState[]).map((s) => ({ value: s, label: MONITORING_STATE_LABELS[s] }))}
                  value={state}
                  onChange={(v) => filter(() => setState(v as MonitoringState | null))}
                  w={200}
                />
                <Select
                  label="Kategori"
                  placeholder="Semua kategori"
                  clearable
                  clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}

                  data={m.categories.map((c) => ({ value: c.categoryCode, label: `${c.categoryCode} – ${c.categoryName}` }))}
                  value={categoryCode}
                  onChange={(v) => filter(() => setCategoryCode(v))}
                  w={220}
                />
                <Select
                  label="Sisa waktu"
                  placeholder="Berapa pun"
                  clearable
                  clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}

                  data={[
                    { value: '1', label: 'Paling lama 1 hari' },
                    { value: '3', label: 'Paling lama 3 hari' },
                    { value: '7', label: 'Paling lama 7 hari' },
                  ]}
                  value={days}
                  onChange={(v) => filter(() => setDays(v))}
                  w={200}
                />
                <Button
                  variant="outline"
                  onClick={() =>
                    filter(() => {
                      setState('NOT_STARTED');
                      setDays('3');
                    })
                  }
                >
                  Belum mulai, sisa 3 hari
                </Button>
              </Group>
              <Text size="sm" role="status" data-testid="row-count">
                {formatCount(m.total)} badan publik sesuai saringan.
              </Text>
              <ScrollArea label="Tabel; geser ke samping bila terpotong">
                <Table withTableBorder striped data-testid="monitoring-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Badan publik</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <SortHeader label="Kemajuan" sort="progress" current={sort} order={order} onSort={sortBy} />
                      <SortHeader label="Aktivitas terakhir" sort="lastActivity" current={sort} order={order} onSort={sortBy} />
                      <SortHeader label="Batas waktu" sort="deadline" current={sort} order={order} onSort={sortBy} />
                      <Table.Th scope="col">
                        <span className="visually-hidden">Tindakan</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {m.items.map((r) => (
                      <Table.Tr key={r.participationId} data-testid="monitoring-row" data-participation={r.participationId}>
                        <Table.Td>
                          <Text fw={600} size="sm">
                            {r.publicBody.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {r.categoryCode}
                          </Text>
                        </Table.Td>
                        <Table.Td miw={120}>
                          <Badge variant="outline" color={STATE_COLORS[r.state]}>
                            {MONITORING_STATE_LABELS[r.state]}
                          </Badge>
                        </Table.Td>
                        <Table.Td miw={120}>
                          <Text size="sm" className="num" ta="left">
                            {r.progress.answered} / {r.progress.total} ({formatScore(r.progress.percent)}%)
                          </Text>
                          <Progress value={Number(r.progress.percent)} size="sm" aria-hidden />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.lastActivityAt ? formatDateTime(r.lastActivityAt, tz) : 'Belum ada'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" data-testid="row-deadline">
                            {r.deadline ? formatDateTime(r.deadline, tz) : '–'}
                          </Text>
                          {r.deadlineExtended && (
                            <Badge size="xs" color="teal.9" variant="light">
                              Diperpanjang
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {!r.submittedAt && r.state !== 'NOT_PARTICIPATING' && (
                            <Button size="compact-sm" variant="outline" onClick={() => setExtending(r)} aria-label={`Perpanjang batas waktu ${r.publicBody.name}`}>
                              Perpanjang
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
              {m.total > PAGE_SIZE && <Pagination total={Math.ceil(m.total / PAGE_SIZE)} value={page} onChange={setPage} aria-label="Halaman daftar badan publik" />}
            </Stack>
          </Paper>
        </>
      )}
      <Extend row={extending} period={period} onClose={() => setExtending(null)} />
    </Stack>
  );
}

function SortHeader({ label, sort, current, order, onSort }: { label: string; sort: Sort; current: Sort; order: 'asc' | 'desc'; onSort: (s: Sort) => void }) {
  const active = sort === current;
  return (
    <Table.Th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sort)} fw={700} fz="sm" style={{ textDecoration: 'underline' }}>
        {label} {active ? (order === 'asc' ? '▲' : '▼') : ''}
        <span className="visually-hidden">, urutkan</span>
      </UnstyledButton>
    </Table.Th>
  );
}

function Counts({ m }: { m: Monitoring }) {
  const rows = [...m.categories.map((c) => ({ key: c.categoryCode, name: `${c.categoryCode} – ${c.categoryName}`, c })), { key: '', name: 'Semua kategori', c: m.overall }];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rekap">
      <Stack gap="sm">
        <Title order={2} size="h3" id="rekap">
          Rekap per kategori
        </Title>
        <ScrollArea label="Tabel; geser ke samping bila terpotong">
          <Table withTableBorder striped data-testid="monitoring-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kategori</Table.Th>
                <Table.Th scope="col" className="num">
                  Belum mulai
                </Table.Th>
                <Table.Th scope="col" className="num">
                  Mengisi
                </Table.Th>
                <Table.Th scope="col" className="num">
                  Terkirim
                </Table.Th>
                <Table.Th scope="col" className="num">
                  Tidak mengikuti
                </Table.Th>
                <Table.Th scope="col" className="num">
                  Jumlah
                </Table.Th>
                <Table.Th scope="col" className="num">
                  Terkirim (%)
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ key, name, c }) => (
                <Table.Tr key={key || 'all'} data-category={key || 'ALL'} fw={key ? undefined : 700}>
                  <Table.Th scope="row">{name}</Table.Th>
                  <Table.Td className="num">{formatCount(c.notStarted)}</Table.Td>
                  <Table.Td className="num">{formatCount(c.inProgress)}</Table.Td>
                  <Table.Td className="num">{formatCount(c.submitted)}</Table.Td>
                  <Table.Td className="num">{formatCount(c.notParticipating)}</Table.Td>
                  <Table.Td className="num">{formatCount(c.total)}</Table.Td>
                  <Table.Td className="num">{formatScore(c.submittedPercent)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
    </Paper>
  );
}

function Extend({ row, period, onClose }: { row: MonitoringRow | null; period: Period; onClose: () => void }) {
  return (
    <Modal opened={!!row} onClose={onClose} title="Perpanjang batas waktu" size="lg" closeButtonProps={{ 'aria-label': 'Tutup' }}>
      {row && <ExtendForm key={row.participationId} row={row} period={period} onDone={onClose} />}
    </Modal>
  );
}

function ExtendForm({ row, period, onDone }: { row: MonitoringRow; period: Period; onDone: () => void }) {
  const qc = useQueryClient();
  const [closesAt, setClosesAt] = useState(row.deadline ? instantToWall(row.deadline, period.timezone) : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    try {
      await unwrap(
        api.PUT('/participations/{id}/deadline', {
          params: { path: { id: row.participationId } },
          body: { closesAt: wallToInstant(closesAt, period.timezone), reason: reason.trim() },
        }),
      );
      await qc.invalidateQueries({ queryKey: adminKeys.monitoring(period.id) });
      onDone();
    } catch (err) {
      const fe = formErrorsOf(err, { closesAt: { label: 'Batas waktu baru', target: 'extend-closes' }, reason: { label: 'Alasan', target: 'extend-reason' } });
      setErrors(fe);
      if (!fe.length) {
        const code = err instanceof ApiError ? err.body.code : undefined;
        setRefusal(
          code === 'SAQ_ALREADY_SUBMITTED'
            ? 'Badan publik ini sudah mengirim kuesionernya.'
            : code === 'SAQ_DEADLINE_LOCKED'
              ? 'Tahap pengisian sudah berakhir; batas waktu tidak dapat diubah lagi.'
              : refusalText(err),
        );
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text>
          <strong>{row.publicBody.name}</strong> ({row.categoryCode}); batas waktu sekarang {row.deadline ? formatDateTime(row.deadline, period.timezone) : '–'}.
        </Text>
        <ErrorSummary errors={errors} />
        {refusal && (
          <Alert color="red" variant="outline" role="alert">
            {refusal}
          </Alert>
        )}
        <TextInput
          id="extend-closes"
          type="datetime-local"
          label={`Batas waktu baru (${zoneLabel(period.timezone)})`}
          value={closesAt}
          onChange={(e) => setClosesAt(e.currentTarget.value)}
          error={errorFor(errors, 'closesAt')}
        />
        <Textarea
          id="extend-reason"
          label="Alasan perpanjangan"
          description="Dicatat di log audit."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errorFor(errors, 'reason')}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={busy}>
            Simpan perpanjangan
          </Button>
          <Button variant="subtle" onClick={onDone}>
            Batal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
