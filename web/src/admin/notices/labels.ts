import type { NotificationStatus } from '../../api/types';

export const MAIL_STATUS_LABELS: Record<NotificationStatus, string> = { PENDING: 'Menunggu', SENDING: 'Sedang dikirim', SENT: 'Terkirim', FAILED: 'Gagal' };
export const MAIL_STATUS_COLORS: Record<NotificationStatus, string> = { PENDING: 'gray', SENDING: 'blue', SENT: 'green', FAILED: 'red' };
