import { Alert, Badge, Button, Group, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import type { Role } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorSummary, errorFor, formErrorsOf, refusalText, type FormError } from '../forms';
import { ROLE_LABELS } from '../labels';
import { adminKeys, useBodies, useUsers } from '../queries';
import { ScrollArea } from '../../ui/ScrollArea';

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Accounts: PPIDs per body, assessors and panelists with their affiliation, conflicts of interest. */
export default function UsersPage() {
  usePageTitle('Pengguna');
  const users = useUsers();
  const bodies = useBodies();
  const bodyName = new Map((bodies.data?.items ?? []).map((b) => [b.id, b.name]));
  return (
    <Stack gap="lg">
      <Title order={1}>Pengguna</Title>
      <NewUser />
      <Paper withBorder p="md" component="section" aria-labelledby="daftar-pengguna">
        <Stack gap="sm">
          <Title order={2} size="h3" id="daftar-pengguna">
            Daftar pengguna
          </Title>
          {users.error ? (
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          ) : !users.data ? (
            <Loading />
          ) : (
            <ScrollArea label="Tabel; geser ke samping bila terpotong">
              <Table withTableBorder striped data-testid="user-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Nama</Table.Th>
                    <Table.Th scope="col">E-mail</Table.Th>
                    <Table.Th scope="col">Peran</Table.Th>
                    <Table.Th scope="col">Badan publik / afiliasi</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>{ROLE_LABELS[u.role]}</Table.Td>
                      <Table.Td>{u.publicBodyId ? (bodyName.get(u.publicBodyId) ?? `#${u.publicBodyId}`) : (u.affiliation ?? '–')}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={u.active ? 'teal.9' : 'gray.9'}>
                          {u.active ? 'Aktif' : 'Nonaktif'}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
        </Stack>
      </Paper>
      <Conflicts />
    </Stack>
  );
}

const USER_FIELDS = {
  role: { label: 'Peran', target: 'user-role' },
  name: { label: 'Nama', target: 'user-name' },
  email: { label: 'E-mail', target: 'user-email' },
  password: { label: 'Kata sandi awal', target: 'user-password' },
  publicBodyId: { label: 'Badan publik', target: 'user-body' },
  affiliation: { label: 'Afiliasi', target: 'user-affiliation' },
};

function NewUser() {
  const qc = useQueryClient();
  const bodies = useBodies();
  const [role, setRole] = useState<Role>('public_body');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [publicBodyId, setPublicBodyId] = useState<string | null>(null);
  const [affiliation, setAffiliation] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const withAffiliation = role === 'assessor' || role === 'panelist';
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    setDone(null);
    try {
      const u = await unwrap(
        api.POST('/users', {
          body: {
            role,
            name: name.trim(),
            email: email.trim(),
            password,
            ...(role === 'public_body' && publicBodyId ? { publicBodyId } : {}),
            ...(withAffiliation && affiliation.trim() ? { affiliation: affiliation.trim() } : {}),
          },
        }),
      );
      setDone(`Akun ${u.name} (${ROLE_LABELS[u.role]}) dibuat.`);
      setName('');
      setEmail('');
      setPassword('');
      setAffiliation('');
      await qc.invalidateQueries({ queryKey: adminKeys.users });
    } catch (err) {
      const fe = formErrorsOf(err, USER_FIELDS);
      setErrors(fe);
      if (!fe.length) setRefusal(err instanceof ApiError && err.status === 409 ? 'Alamat e-mail ini sudah dipakai akun lain.' : refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pengguna-baru">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="pengguna-baru">
            Akun baru
          </Title>
          <ErrorSummary errors={errors} />
          {refusal && (
            <Alert color="red" variant="outline" role="alert">
              {refusal}
            </Alert>
          )}
          {done && (
            <Alert color="teal" variant="outline" role="status" data-testid="user-created">
              {done}
            </Alert>
          )}
          <Select id="user-role" label="Peran" data={ROLE_OPTIONS} value={role} onChange={(v) => v && setRole(v as Role)} allowDeselect={false} error={errorFor(errors, 'role')} />
          {role === 'public_body' && (
            <Select
              id="user-body"
              label="Badan publik"
              searchable
              placeholder="Pilih badan publik"
              data={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} (${b.categoryCode})` }))}
              value={publicBodyId}
              onChange={setPublicBodyId}
              error={errorFor(errors, 'publicBodyId')}
              nothingFoundMessage="Tidak ditemukan"
            />
          )}
          <TextInput id="user-name" label="Nama" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor(errors, 'name')} />
          <TextInput id="user-email" label="E-mail" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errorFor(errors, 'email')} />
          <PasswordInput
            id="user-password"
            label="Kata sandi awal"
            description="Paling sedikit 10 karakter; sampaikan kepada pemilik akun."
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errorFor(errors, 'password')}
          />
          {withAffiliation && (
            <TextInput
              id="user-affiliation"
              label="Afiliasi"
              description="Lembaga asal penilai atau panelis; dipakai untuk mencegah konflik kepentingan."
              value={affiliation}
              onChange={(e) => setAffiliation(e.currentTarget.value)}
              error={errorFor(errors, 'affiliation')}
            />
          )}
          <Group>
            <Button type="submit" loading={busy}>
              Buat akun
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Conflicts() {
  const users = useUsers();
  const bodies = useBodies();
  const [userId, setUserId] = useState<string | null>(null);
  const [publicBodyId, setPublicBodyId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const staff = (users.data?.items ?? []).filter((u) => u.role === 'assessor' || u.role === 'panelist');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors([]);
    setMessage(null);
    if (!userId) {
      setErrors([{ field: 'userId', target: 'conflict-user', text: 'Penilai atau panelis: wajib dipilih' }]);
      return;
    }
    setBusy(true);
    try {
      await unwrap(
        api.POST('/users/{id}/conflicts', { params: { path: { id: userId } }, body: { publicBodyId: publicBodyId ?? '', ...(reason.trim() ? { reason: reason.trim() } : {}) } }),
      );
      setMessage({ ok: true, text: 'Konflik kepentingan dicatat: orang ini tidak akan ditugaskan menilai badan publik tersebut.' });
      setReason('');
    } catch (err) {
      const fe = formErrorsOf(err, { publicBodyId: { label: 'Badan publik', target: 'conflict-body' }, reason: { label: 'Alasan', target: 'conflict-reason' } });
      setErrors(fe);
      if (!fe.length) setMessage({ ok: false, text: refusalText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="konflik">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="konflik">
            Konflik kepentingan
          </Title>
          <Text size="sm">Catat badan publik yang tidak boleh dinilai oleh seorang penilai atau panelis (selain yang sudah tercegah oleh afiliasinya).</Text>
          <ErrorSummary errors={errors} />
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} variant="outline" role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )}
          <Select
            id="conflict-user"
            label="Penilai atau panelis"
            searchable
            data={staff.map((u) => ({ value: u.id, label: `${u.name} (${ROLE_LABELS[u.role]})` }))}
            value={userId}
            onChange={setUserId}
            error={errorFor(errors, 'userId')}
            nothingFoundMessage="Tidak ditemukan"
          />
          <Select
            id="conflict-body"
            label="Badan publik"
            searchable
            data={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} (${b.categoryCode})` }))}
            value={publicBodyId}
            onChange={setPublicBodyId}
            error={errorFor(errors, 'publicBodyId')}
            nothingFoundMessage="Tidak ditemukan"
          />
          <Textarea
            id="conflict-reason"
            label="Alasan (tidak wajib)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorFor(errors, 'reason')}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={busy} variant="outline">
              Catat konflik
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
