import { Alert, Anchor, Button, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import type { LoginResult } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { signIn } from '../ui/session';
import { usePageTitle } from '../ui/usePageTitle';

const FIELD_LABELS: Record<string, string> = { email: 'E-mail', password: 'Kata sandi' };

export default function LoginPage() {
  usePageTitle('Masuk');
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const login = useMutation({
    mutationFn: () => unwrap<LoginResult>(api.POST('/auth/login', { body: { email: email.trim(), password } })),
    onSuccess: (r) => {
      signIn(r.accessToken, r.user);
      navigate('/beranda');
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!email.trim()) m.email = 'Isi e-mail Anda.';
    if (!password) m.password = 'Isi kata sandi Anda.';
    setMissing(m);
    if (Object.keys(m).length === 0) login.mutate();
  };

  const err = login.error;
  const fieldErrors: Record<string, string> = { ...missing };
  if (err instanceof ApiError && err.status === 400) for (const f of err.fieldErrors) fieldErrors[f.field] ??= `${FIELD_LABELS[f.field] ?? f.field} tidak valid.`;
  const summary = Object.entries(fieldErrors);

  return (
    <Stack maw={420} gap="md">
      <Title order={1}>Masuk</Title>
      <Text>Untuk penyelenggara, PPID badan publik, verifikator, dan panelis.</Text>
      {summary.length > 0 && (
        <Alert color="red" variant="outline" title="Periksa isian berikut" role="alert">
          <List>
            {summary.map(([field, message]) => (
              <List.Item key={field}>
                <a href={`#login-${field}`}>{message}</a>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {err instanceof ApiError && err.status === 401 && (
        <Alert color="red" variant="outline" title="Gagal masuk" role="alert">
          E-mail atau kata sandi salah.
        </Alert>
      )}
      {err && !(err instanceof ApiError && (err.status === 401 || err.status === 400)) && <ErrorState error={err} onRetry={() => login.mutate()} />}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput id="login-email" label="E-mail" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldErrors.email} />
          <PasswordInput
            id="login-password"
            label="Kata sandi"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            visibilityToggleButtonProps={{ 'aria-label': 'Tampilkan kata sandi' }}
          />
          <Button type="submit" loading={login.isPending}>
            Masuk
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/lupa-kata-sandi">
        Lupa kata sandi?
      </Anchor>
    </Stack>
  );
}
