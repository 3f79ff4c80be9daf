import { Button, Code, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { AuditEntry } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { formatCount, formatDateTime } from '../ui/format';
import { Loading } from '../ui/Loading';
import { usePageTitle } from '../ui/usePageTitle';
import { type AuditQuery, useAudit, useUsers } from './queries';
import { wallToInstant } from './zoned';
import { ScrollArea } from '../ui/ScrollArea';

// The console shows times in WIB unless a period says otherwise; the audit spans every period.
const ZONE = 'Asia/Jakarta';
const PAGE_SIZE = 50;
const ENTITY_TYPES = [
  'period',
  'instrument',
  'participation',
  'answer',
  'evidence',
  'verification',
  'objection',
  'visitation',
  'presentation_sheet',
  'ranking_run',
  'certificate',
  'user',
  'public_body',
  'category',
];

/** The audit log with filters (entity, actor, time) and each row's state before and after. */
export default function AuditPage() {
  usePageTitle('Log audit');
  const users = useUsers();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [entityId, setEntityId] = useState('');
  const [actorId, setActorId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const query: AuditQuery = {
    page,
    pageSize: PAGE_SIZE,
    ...(entityType ? { entityType } : {}),
    ...(entityId.trim() ? { entityId: entityId.trim() } : {}),
    ...(actorId ? { actorId } : {}),
    ...(from ? { from: wallToInstant(from, ZONE) } : {}),
    ...(to ? { to: wallToInstant(to, ZONE) } : {}),
  };
  const audit = useAudit(query);
  const actorName = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
  const reset = () => setPage(1);
  return (
    <Stack gap="md">
      <Title order={1}>Log audit</Title>
      <Paper withBorder p="md" component="section" aria-label="Saringan">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label="Jenis data"
            placeholder="Semua"
            clearable
            clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}

            data={ENTITY_TYPES}
            value={entityType}
            onChange={(v) => {
              setEntityType(v);
              reset();
            }}
            w={190}
          />
          <TextInput
            label="ID data"
            value={entityId}
            onChange={(e) => {
              setEntityId(e.currentTarget.value);
              reset();
            }}
            w={120}
          />
          <Select
            label="Pelaku"
            placeholder="Semua"
            clearable
            clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}

            searchable
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={actorId}
            onChange={(v) => {
              setActorId(v);
              reset();
            }}
            w={220}
          />
          <TextInput
            type="datetime-local"
            label="Sejak (WIB)"
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              reset();
            }}
          />
          <TextInput
            type="datetime-local"
            label="Sebelum (WIB)"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              reset();
            }}
          />
          <Button
            variant="subtle"
            onClick={() => {
              setEntityType(null);
              setEntityId('');
              setActorId(null);
              setFrom('');
              setTo('');
              reset();
            }}
          >
            Hapus saringan
          </Button>
        </Group>
      </Paper>
      {audit.error ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : !audit.data ? (
        <Loading />
      ) : audit.data.total === 0 ? (
        <Text>Tidak ada catatan yang sesuai saringan.</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {formatCount(audit.data.total)} catatan, terbaru di atas.
          </Text>
          <ScrollArea label="Tabel; geser ke samping bila terpotong">
            <Table withTableBorder striped data-testid="audit-table" style={{ tableLayout: 'fixed', minWidth: 720 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={150}>
                    Waktu
                  </Table.Th>
                  <Table.Th scope="col" w={170}>
                    Tindakan
                  </Table.Th>
                  <Table.Th scope="col" w={130}>
                    Pelaku
                  </Table.Th>
                  <Table.Th scope="col">Sebelum</Table.Th>
                  <Table.Th scope="col">Sesudah</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data.items.map((r) => (
                  <Row key={r.id} r={r} actor={r.actorId ? (actorName.get(r.actorId) ?? `#${r.actorId}`) : 'Sistem'} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {audit.data.total > PAGE_SIZE && <Pagination total={Math.ceil(audit.data.total / PAGE_SIZE)} value={page} onChange={setPage} aria-label="Halaman log audit" />}
        </>
      )}
    </Stack>
  );
}

const json = (v: unknown) => (v === null || v === undefined ? '–' : JSON.stringify(v, null, 1));

function Row({ r, actor }: { r: AuditEntry; actor: string }) {
  return (
    <Table.Tr data-testid="audit-row" data-action={r.action}>
      <Table.Td>
        <Text size="sm">{formatDateTime(r.at, ZONE)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
          {r.action}
        </Text>
        <Text size="xs" c="dimmed">
          {r.entityType} #{r.entityId}
        </Text>
        {r.reason && (
          <Text size="xs" data-testid="audit-reason">
            Alasan: {r.reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {actor}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code block className="audit-state">
          {json(r.before)}
        </Code>
      </Table.Td>
      <Table.Td>
        <Code block className="audit-state">
          {json(r.after)}
        </Code>
      </Table.Td>
    </Table.Tr>
  );
}
