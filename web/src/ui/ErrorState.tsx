import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';

/** What an error means to the reader, in Indonesian; the API's own (English) message is never shown. */
export function describeError(error: unknown): { title: string; text: string } {
  if (!(error instanceof ApiError)) return { title: 'Terjadi kesalahan', text: 'Halaman tidak dapat ditampilkan. Muat ulang halaman atau coba lagi nanti.' };
  switch (error.status) {
    case 0:
      return { title: 'Tidak dapat terhubung', text: 'Server tidak dapat dihubungi. Periksa koneksi internet Anda.' };
    case 429:
      return { title: 'Terlalu banyak permintaan', text: 'Permintaan dari alamat Anda sedang dibatasi sementara.' };
    case 503:
      return { title: 'Layanan sedang tidak tersedia', text: 'Server sedang sibuk atau dalam pemeliharaan.' };
    case 404:
      return { title: 'Tidak ditemukan', text: 'Data yang Anda cari tidak ada.' };
    default:
      return error.status >= 500
        ? { title: 'Kesalahan pada server', text: 'Server gagal memproses permintaan. Coba lagi beberapa saat lagi.' }
        : { title: 'Permintaan tidak dapat diproses', text: 'Periksa kembali alamat atau isian Anda.' };
  }
}

const DEFAULT_WAIT_SECONDS = 10;

/** Seconds left before a retry of a 429/503 (the API's Retry-After, else 10 s), counting down. */
function useCountdown(error: unknown): number {
  const start = error instanceof ApiError && error.retryable ? (error.retryAfterSeconds ?? (error.status === 0 ? 0 : DEFAULT_WAIT_SECONDS)) : 0;
  const [left, setLeft] = useState(start);
  useEffect(() => {
    setLeft(start);
    if (start <= 0) return;
    const id = setInterval(() => setLeft((s) => (s <= 1 ? (clearInterval(id), 0) : s - 1)), 1000);
    return () => clearInterval(id);
  }, [error, start]);
  return left;
}

/** An error where the content would be: what happened, and for a retryable one a retry with a countdown. */
export function ErrorState({ error, onRetry, notFound }: { error: unknown; onRetry?: () => void; notFound?: { title: string; text: string } }) {
  const left = useCountdown(error);
  const is404 = error instanceof ApiError && error.status === 404;
  const { title, text } = is404 && notFound ? notFound : describeError(error);
  const retryable = !(error instanceof ApiError) || error.retryable || error.status >= 500;
  return (
    <Alert color={is404 ? 'gray' : 'red'} title={title} role="alert" variant="outline" className="error-state">
      <Text>{text}</Text>
      {onRetry && retryable && (
        <Group mt="sm" gap="sm">
          <Button onClick={onRetry} disabled={left > 0} variant="filled">
            {left > 0 ? `Coba lagi dalam ${left} detik` : 'Coba lagi'}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
