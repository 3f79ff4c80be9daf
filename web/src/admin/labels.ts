/** The Indonesian words of the console for the API's enums (keyed by the generated types). */
import type { MonitoringState, Role } from '../api/types';

export { STAGE_LABELS, STATUS_LABELS } from '../ui/labels';

export const ROLE_LABELS: Record<Role, string> = {
  public_body: 'PPID badan publik',
  assessor: 'Penilai (verifikator)',
  panelist: 'Panelis (juri)',
  admin: 'Admin penyelenggara',
};

export const MONITORING_STATE_LABELS: Record<MonitoringState, string> = {
  NOT_STARTED: 'Belum mulai',
  IN_PROGRESS: 'Mengisi',
  SUBMITTED: 'Terkirim',
  NOT_PARTICIPATING: 'Tidak Mengikuti Monev',
};

/** The API's unmet advance preconditions (PeriodPreconditionCode) in Indonesian; `n` is the count the API names, if any. */
export const PRECONDITION_TEXT: Record<string, (n: number | null) => string> = {
  PERIOD_NO_INSTRUMENT: () => 'Instrumen belum berisi pertanyaan.',
  PERIOD_NO_PARTICIPANTS: () => 'Belum ada badan publik yang didaftarkan sebagai peserta.',
  PERIOD_EXTENSION_RUNNING: (n) => `${n ?? 'Beberapa'} badan publik masih dalam perpanjangan batas waktu pengisian.`,
  PERIOD_UNVERIFIED_SAQ: (n) => `${n ?? 'Beberapa'} kuesioner terkirim belum selesai diverifikasi.`,
  PERIOD_OPEN_OBJECTIONS: (n) => `${n ?? 'Beberapa'} sanggah masih terbuka.`,
  PERIOD_NO_FINALISTS: () => 'Finalis belum ditetapkan.',
  PERIOD_MISSING_PRESENTATION_SHEETS: (n) => `${n ?? 'Beberapa'} finalis belum memiliki lembar nilai presentasi yang lengkap.`,
  PERIOD_NO_PUBLISHED_RUN: () => 'Belum ada hasil pemeringkatan yang diterbitkan.',
};
