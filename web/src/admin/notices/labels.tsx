import type { NotificationStatus } from '../../api/types';

export const MAIL_STATUS_LABELS: Record<NotificationStatus, string> = { PENDING: 'Menunggu', SENDING: 'Sedang dikirim', SENT: 'Terkirim', FAILED: 'Gagal' };

type Tone = 'neutral' | 'progress' | 'good' | 'warn' | 'bad';
/** Dark text on a light ground: at least 4.5:1 for every tone. */
const TONES: Record<Tone, { bg: string; fg: string; border: string }> = {
  neutral: { bg: '#f1f3f5', fg: '#343a40', border: '#adb5bd' },
  progress: { bg: '#e7f1ff', fg: '#0b3d91', border: '#74a9f0' },
  good: { bg: '#e6f4ea', fg: '#1b5e20', border: '#81c784' },
  warn: { bg: '#fff4e0', fg: '#7a4100', border: '#f0b45a' },
  bad: { bg: '#fdecea', fg: '#9b1c1c', border: '#ef9a9a' },
};
export const MAIL_STATUS_TONES: Record<NotificationStatus, Tone> = { PENDING: 'neutral', SENDING: 'progress', SENT: 'good', FAILED: 'bad' };

/** A status word in a coloured frame (the same shape as the qualification badges). */
export function StatusTag({ tone, children }: { tone: Tone; children: string }) {
  const c = TONES[tone];
  return (
    <span className="qualification" style={{ background: c.bg, color: c.fg, borderColor: c.border }}>
      {children}
    </span>
  );
}
