import { Alert, Anchor, List } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client';

/** The API's field codes (src/scoring/field-error.ts) in the words of a form. */
const FIELD_CODE_TEXT: Record<string, string> = {
  FIELD_REQUIRED: 'wajib diisi',
  FIELD_EMPTY: 'wajib diisi',
  FIELD_NOT_STRING: 'wajib diisi',
  FIELD_NOT_INT: 'harus bilangan bulat',
  FIELD_NOT_DECIMAL: 'harus angka (paling banyak dua desimal)',
  FIELD_TOO_MANY_DECIMALS: 'paling banyak dua angka desimal',
  FIELD_TOO_SMALL: 'terlalu kecil',
  FIELD_TOO_LARGE: 'terlalu besar',
  FIELD_OUT_OF_RANGE: 'di luar rentang yang diizinkan',
  FIELD_TOO_SHORT: 'terlalu pendek',
  FIELD_TOO_LONG: 'terlalu panjang',
  FIELD_BAD_FORMAT: 'formatnya tidak sesuai',
  FIELD_NOT_EMAIL: 'bukan alamat e-mail yang benar',
  FIELD_NOT_URL: 'bukan alamat situs yang benar',
  FIELD_NOT_HTTP_URL: 'harus diawali http:// atau https://',
  FIELD_NOT_INSTANT: 'bukan tanggal dan waktu yang benar',
  FIELD_SUM_NOT_100: 'jumlahnya harus tepat 100',
  FIELD_OUT_OF_ORDER: 'urutan waktunya salah: mulai harus sebelum selesai dan tiap tahap tidak lebih awal dari tahap sebelumnya',
  FIELD_DUPLICATE: 'ada yang ganda',
  FIELD_UNKNOWN_REFERENCE: 'tidak dikenal',
  FIELD_NOT_IN_LIST: 'pilihannya tidak dikenal',
  FIELD_TOO_FEW_ITEMS: 'isi paling sedikit satu',
  FIELD_TOO_MANY_ITEMS: 'terlalu banyak isian',
  FIELD_INVALID: 'tidak valid',
  FIELD_NOT_ALLOWED: 'tidak boleh diisi di sini',
  FIELD_UNKNOWN_FIELD: 'tidak dikenal',
  FIELD_NOT_OBJECT: 'wajib diisi',
  FIELD_NOT_ARRAY: 'wajib diisi',
  FIELD_NOT_BOOLEAN: 'harus ya atau tidak',
};

export const fieldCodeText = (code: string | undefined): string => (code && FIELD_CODE_TEXT[code]) || 'tidak valid';

export interface FormError {
  /** the API's field path, e.g. `schedule.SAQ.closesAt` */
  field: string;
  /** the form's control id the summary links to */
  target: string;
  text: string;
}

/**
 * A 400's details as the form's errors, one per field: `labels` names each field path the form shows
 * (the longest known prefix wins, so `schedule.SAQ.opensAt` falls back to `schedule.SAQ`).
 */
export function formErrorsOf(error: unknown, labels: Record<string, { label: string; target: string }>): FormError[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const out = new Map<string, FormError>();
  const details = (Array.isArray(error.body.details) ? error.body.details : []) as { field?: string; code?: string }[];
  for (const d of details) {
    if (typeof d.field !== 'string') continue;
    let key = d.field.replace(/\[(\d+)\]/g, '.$1');
    while (key && !labels[key]) key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    const known = labels[key];
    const field = key || d.field;
    if (out.has(field)) continue;
    out.set(field, { field, target: known?.target ?? '', text: `${known?.label ?? d.field}: ${fieldCodeText(d.code)}` });
  }
  return [...out.values()];
}

export const errorFor = (errors: FormError[], field: string): string | undefined => errors.find((e) => e.field === field)?.text;

/**
 * GOV.UK's error summary: at the top of the form, it takes the focus when it appears, and each entry
 * links to its field (the same words are shown next to the field).
 */
export function ErrorSummary({ errors, title = 'Ada isian yang perlu diperbaiki' }: { errors: FormError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="outline" title={title} role="alert" data-testid="error-summary" className="error-summary">
      <List spacing={4}>
        {errors.map((e) => (
          <List.Item key={e.field}>
            {e.target ? (
              <Anchor
                href={`#${e.target}`}
                c="red.9"
                onClick={(ev) => {
                  ev.preventDefault();
                  const el = document.getElementById(e.target);
                  el?.focus();
                  el?.scrollIntoView({ block: 'center' });
                }}
              >
                {e.text}
              </Anchor>
            ) : (
              e.text
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** A refusal that is not about one field (409, 422, 5xx) in one Indonesian sentence. */
export function refusalText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Terjadi kesalahan.';
  switch (error.status) {
    case 0:
      return 'Tidak dapat terhubung ke server.';
    case 400:
      return 'Isian belum benar; periksa keterangan di atas.';
    case 403:
      return 'Akun Anda tidak berwenang melakukan ini.';
    case 404:
      return 'Data tidak ditemukan.';
    case 409:
      return 'Bentrok dengan data yang sudah ada atau diubah di tempat lain; muat ulang lalu coba lagi.';
    case 422:
      return 'Ditolak karena keadaan data saat ini.';
    case 429:
      return 'Terlalu banyak permintaan; tunggu sebentar.';
    case 503:
      return 'Server sedang sibuk; coba lagi sebentar lagi.';
    default:
      return error.status >= 500 ? 'Kesalahan pada server.' : 'Permintaan ditolak.';
  }
}
