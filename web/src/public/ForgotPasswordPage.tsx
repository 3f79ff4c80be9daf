import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import type { ResetRequested } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { usePageTitle } from '../ui/usePageTitle';

/** "Lupa kata sandi": asks for a reset link; the answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  usePageTitle('Lupa kata sandi');
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const request = useMutation({ mutationFn: () => unwrap<ResetRequested>(api.POST('/account/password-reset', { body: { email: email.trim() } })) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = !email.trim() ? 'Isi e-mail akun Anda.' : !/^[^@\s]+@[^@\s]+$/.test(email.trim()) ? 'Tulis e-mail dengan benar, misalnya ppid@dinas.go.id.' : null;
    setMissing(problem);
    if (!problem) request.mutate();
  };
  const fieldError = missing ?? (request.error instanceof ApiError && request.error.status === 400 ? 'Tulis e-mail dengan benar, misalnya ppid@dinas.go.id.' : undefined);

  return (
    <Stack maw={480} gap="md">
      <Title order={1}>Lupa kata sandi</Title>
      {request.isSuccess ? (
        <Alert color="green" variant="outline" title="Permintaan diterima" role="status">
          <Text>
            Jika alamat ini terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim ke e-mail tersebut. Periksa juga folder spam. Tautan berlaku terbatas dan hanya sekali
            pakai.
          </Text>
        </Alert>
      ) : (
        <>
          <Text>Tulis e-mail akun Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.</Text>
          {request.error && !(request.error instanceof ApiError && request.error.status === 400) && <ErrorState error={request.error} onRetry={() => request.mutate()} />}
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                id="lupa-email"
                label="E-mail"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fieldError}
              />
              <Button type="submit" loading={request.isPending}>
                Kirim tautan
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/masuk">
        Kembali ke halaman masuk
      </Anchor>
    </Stack>
  );
}
