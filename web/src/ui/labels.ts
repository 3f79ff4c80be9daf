/** The Indonesian words the portal shows for the API's stages and statuses (keyed by the generated enums). */
import type { ParticipationStatus, Stage } from '../api/types';

export const STAGE_LABELS: Record<Stage, string> = {
  PREPARATION: 'Persiapan',
  REGISTRATION: 'Registrasi',
  SAQ: 'Pengisian kuesioner (SAQ)',
  VERIFICATION: 'Verifikasi',
  OBJECTION: 'Masa sanggah',
  VISITATION: 'Visitasi',
  PRESENTATION: 'Presentasi',
  FINALIZATION: 'Finalisasi',
  PUBLISHED: 'Diumumkan',
  ARCHIVED: 'Diarsipkan',
};

export const STATUS_LABELS: Record<ParticipationStatus, string> = {
  INVITED: 'Diundang',
  IN_PROGRESS: 'Sedang diisi',
  SUBMITTED: 'Terkirim',
  VERIFIED: 'Terverifikasi',
  FINALIST: 'Finalis',
  RANKED: 'Dinilai',
  NOT_PARTICIPATING: 'Tidak Mengikuti Monev',
};

/** The stages from OBJECTION on, when the body reads its verification. */
export const FROM_OBJECTION: readonly Stage[] = ['OBJECTION', 'VISITATION', 'PRESENTATION', 'FINALIZATION', 'PUBLISHED', 'ARCHIVED'];
