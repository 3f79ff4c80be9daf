import { Button, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';

/** `3 hari 04 jam 12 menit 05 detik` until `iso`, ticking each second; "telah lewat" once it passed. */
export function Countdown({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const left = Math.max(0, Math.floor((Date.parse(iso) - now) / 1000));
  if (left === 0)
    return (
      <Text span fw={600} c="red.8" data-testid="countdown">
        Batas waktu telah lewat
      </Text>
    );
  const d = Math.floor(left / 86400);
  const h = Math.floor((left % 86400) / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    <Text span fw={600} data-testid="countdown">
      Sisa waktu {d > 0 ? `${d} hari ` : ''}
      {two(h)} jam {two(m)} menit {two(s)} detik
    </Text>
  );
}

const DEFAULT_WAIT_SECONDS = 10;

/** "Coba lagi", after the API's Retry-After (or 10 s) for a 429 or a 503. */
export function RetryButton({ error, onRetry, label = 'Coba lagi' }: { error: unknown; onRetry: () => void; label?: string }) {
  const wait = error instanceof ApiError && (error.status === 429 || error.status === 503) ? (error.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS) : 0;
  const [left, setLeft] = useState(wait);
  useEffect(() => {
    setLeft(wait);
    if (wait <= 0) return;
    const id = setInterval(() => setLeft((s) => (s <= 1 ? (clearInterval(id), 0) : s - 1)), 1000);
    return () => clearInterval(id);
  }, [error, wait]);
  return (
    <Button size="compact-sm" variant="outline" color="red.9" onClick={onRetry} disabled={left > 0}>
      {left > 0 ? `${label} dalam ${left} detik` : label}
    </Button>
  );
}

/** An API error of a save or an upload in one Indonesian sentence (its field errors are shown beside the fields). */
export function saveErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Terjadi kesalahan.';
  switch (error.status) {
    case 0:
      return 'Tidak dapat terhubung ke server.';
    case 400:
      return 'Isian belum benar; periksa keterangan di bawah isian.';
    case 401:
      return 'Sesi Anda berakhir; masuk kembali.';
    case 409:
      return 'Diubah di tempat lain.';
    case 422:
      return closedText(error);
    case 429:
      return 'Terlalu banyak permintaan; tunggu sebentar.';
    case 503:
      return 'Server sedang sibuk.';
    default:
      return error.status >= 500 ? 'Kesalahan pada server.' : 'Permintaan ditolak.';
  }
}

/** A 422 refusal of a write (window closed, submitted, deadline passed) in Indonesian. */
export function closedText(error: ApiError): string {
  const d = (error.body.details ?? {}) as Record<string, unknown>;
  if (d.deadline) return 'Batas waktu pengisian telah lewat; jawaban tidak dapat disimpan.';
  if (d.status === 'SUBMITTED') return 'Kuesioner sudah dikirim dan tidak dapat diubah lagi.';
  if (d.stage) return 'Tahap pengisian sudah ditutup.';
  return 'Permintaan ditolak oleh server.';
}

const FIELD_TEXT: Record<string, string> = {
  value: 'Jawaban tidak sesuai jenis pertanyaan.',
  url: 'Tautan harus diawali http:// atau https://.',
  evidenceIds: 'Data dukung tidak sesuai yang diminta pertanyaan ini.',
  reason: 'Isi alasan sanggah.',
};

/** A 400's details as Indonesian text per field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError && error.status === 400) for (const f of error.fieldErrors) out[f.field] = FIELD_TEXT[f.field] ?? `Isian ${f.field} tidak valid.`;
  return out;
}
