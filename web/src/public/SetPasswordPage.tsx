import { Alert, Anchor, Button, List, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import type { AccountLink } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { Loading } from '../ui/Loading';
import { usePageTitle } from '../ui/usePageTitle';

export type LinkPurpose = 'ACTIVATION' | 'RESET';

const TEXTS: Record<LinkPurpose, { title: string; intro: string; button: string; done: string }> = {
  ACTIVATION: {
    title: 'Aktivasi akun',
    intro: 'Buat kata sandi untuk akun Anda. Setelah itu Anda dapat masuk dengan e-mail dan kata sandi ini.',
    button: 'Aktifkan akun',
    done: 'Akun Anda sudah aktif.',
  },
  RESET: {
    title: 'Atur ulang kata sandi',
    intro: 'Buat kata sandi baru. Semua sesi yang masih masuk dengan kata sandi lama akan diakhiri.',
    button: 'Simpan kata sandi baru',
    done: 'Kata sandi Anda sudah diganti dan semua sesi lama diakhiri.',
  },
};

/** Why a link cannot be used, in the reader's words. */
function linkProblem(error: unknown, purpose: LinkPurpose): { title: string; text: string } | null {
  if (!(error instanceof ApiError)) return null;
  const again = purpose === 'ACTIVATION' ? 'Mintalah undangan baru kepada penyelenggara.' : 'Mintalah tautan baru melalui halaman lupa kata sandi.';
  if (error.status === 404) return { title: 'Tautan tidak dikenal', text: `Tautan ini tidak berlaku, mungkin karena sudah diganti dengan tautan yang lebih baru. ${again}` };
  if (error.body.code === 'NOTIFICATION_LINK_USED') return { title: 'Tautan sudah dipakai', text: `Tautan ini hanya dapat dipakai satu kali. ${again}` };
  if (error.body.code === 'NOTIFICATION_LINK_EXPIRED') return { title: 'Tautan sudah kedaluwarsa', text: again };
  if (error.body.code === 'NOTIFICATION_ACCOUNT_INACTIVE') return { title: 'Akun dinonaktifkan', text: 'Hubungi penyelenggara untuk mengaktifkan kembali akun Anda.' };
  return null;
}

/** The page behind an activation link (/aktivasi/:token) or a reset link (/atur-ulang-sandi/:token). */
export default function SetPasswordPage({ purpose }: { purpose: LinkPurpose }) {
  const texts = TEXTS[purpose];
  usePageTitle(texts.title);
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const link = useQuery({
    queryKey: ['account-link', purpose, token],
    queryFn: () =>
      unwrap<AccountLink>(
        purpose === 'ACTIVATION'
          ? api.GET('/account/activation/{token}', { params: { path: { token } } })
          : api.GET('/account/password-reset/{token}', { params: { path: { token } } }),
      ),
    retry: false,
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        purpose === 'ACTIVATION' ? api.POST('/account/activation', { body: { token, password } }) : api.POST('/account/password-reset/confirm', { body: { token, password } }),
      ),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (password.length < 10) m.password = 'Kata sandi minimal 10 karakter.';
    if (confirm !== password) m.confirm = 'Ulangi kata sandi yang sama persis.';
    setErrors(m);
    if (Object.keys(m).length === 0) save.mutate();
  };

  if (link.isPending) return <Loading />;
  const problem = linkProblem(link.error ?? save.error, purpose);
  if (problem)
    return (
      <Stack maw={480} gap="md">
        <Title order={1}>{texts.title}</Title>
        <Alert color="red" variant="outline" title={problem.title} role="alert">
          <Text>{problem.text}</Text>
        </Alert>
        {purpose === 'RESET' && (
          <Anchor component={Link} to="/lupa-kata-sandi">
            Minta tautan baru
          </Anchor>
        )}
      </Stack>
    );
  if (link.error) return <ErrorState error={link.error} onRetry={() => link.refetch()} />;
  if (save.isSuccess)
    return (
      <Stack maw={480} gap="md">
        <Title order={1}>{texts.title}</Title>
        <Alert color="green" variant="outline" title="Berhasil" role="status">
          <Text>{texts.done}</Text>
        </Alert>
        <Button component={Link} to="/masuk" w="fit-content">
          Masuk
        </Button>
      </Stack>
    );

  const fieldErrors = { ...errors };
  if (save.error instanceof ApiError && save.error.status === 400) fieldErrors.password ??= 'Kata sandi tidak memenuhi syarat (minimal 10 karakter).';
  const summary = Object.entries(fieldErrors);
  return (
    <Stack maw={480} gap="md">
      <Title order={1}>{texts.title}</Title>
      <Text>{texts.intro}</Text>
      <Text>
        Akun: <strong>{link.data?.email}</strong> ({link.data?.name})
      </Text>
      {summary.length > 0 && (
        <Alert color="red" variant="outline" title="Periksa isian berikut" role="alert">
          <List>
            {summary.map(([field, message]) => (
              <List.Item key={field}>
                <a href={`#sandi-${field}`}>{message}</a>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorState error={save.error} onRetry={() => save.mutate()} />}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            id="sandi-password"
            label="Kata sandi baru"
            description="Minimal 10 karakter."
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            visibilityToggleButtonProps={{ 'aria-label': 'Tampilkan kata sandi' }}
          />
          <PasswordInput
            id="sandi-confirm"
            label="Ulangi kata sandi"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={fieldErrors.confirm}
            visibilityToggleButtonProps={{ 'aria-label': 'Tampilkan ulangan kata sandi' }}
          />
          <Button type="submit" loading={save.isPending}>
            {texts.button}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
