import { unreachable } from '../scoring/never';
import { REMINDER_DAYS } from './reminder-rules';

/**
 * Every e-mail of the service, in Indonesian, as a subject with a plain-text and an HTML body. Pure:
 * the facts come in, the message goes out. A one-time link is written as LINK_PLACEHOLDER and put in
 * only when the message is sent, so the outbox in MySQL never holds a usable link.
 */
export const LINK_PLACEHOLDER = '{{tautan-sekali-pakai}}';

export const OCCASIONS = ['INVITATION', 'PASSWORD_RESET', 'SAQ_REMINDER', 'VERIFICATION_READY', 'OBJECTION_DECIDED', 'RANKING_PUBLISHED'] as const;
export type Occasion = (typeof OCCASIONS)[number];

export const OCCASION_LABELS: Record<Occasion, string> = {
  INVITATION: 'Undangan aktivasi akun',
  PASSWORD_RESET: 'Atur ulang kata sandi',
  SAQ_REMINDER: 'Pengingat batas waktu SAQ',
  VERIFICATION_READY: 'Hasil verifikasi tersedia',
  OBJECTION_DECIDED: 'Sanggah telah diputuskan',
  RANKING_PUBLISHED: 'Hasil pemeringkatan terbit',
};

interface Common {
  organizerName: string;
  recipientName: string;
  timezone: string;
}

export type NoticeFacts =
  | (Common & { occasion: 'INVITATION'; role: 'admin' | 'public_body' | 'assessor' | 'panelist'; bodyName: string | null; expiresAt: Date })
  | (Common & { occasion: 'PASSWORD_RESET'; expiresAt: Date })
  | (Common & {
      occasion: 'SAQ_REMINDER';
      bodyName: string;
      periodName: string;
      year: number;
      days: (typeof REMINDER_DAYS)[number];
      deadline: Date;
      progress: { answered: number; total: number; missingEvidence: number };
      missing: { questionCode: string; missing: 'ANSWER' | 'EVIDENCE' }[];
      portalUrl: string;
    })
  | (Common & { occasion: 'VERIFICATION_READY'; bodyName: string; periodName: string; year: number; opensAt: Date | null; closesAt: Date | null; portalUrl: string })
  | (Common & {
      occasion: 'OBJECTION_DECIDED';
      bodyName: string;
      periodName: string;
      year: number;
      questionCode: string;
      decision: 'ACCEPTED' | 'REJECTED';
      pointsBefore: string;
      pointsAfter: string | null;
      note: string;
      portalUrl: string;
    })
  | (Common & { occasion: 'RANKING_PUBLISHED'; bodyName: string; periodName: string; year: number; rankingUrl: string; portalUrl: string });

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ZONE_LABELS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `30 Sep 2026 23.59 WIB`, as the portal writes times (web/src/ui/format.ts). */
export function formatDateTime(at: Date, timeZone: string): string {
  let f = dateTimeFormats.get(timeZone);
  if (!f)
    dateTimeFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })),
    );
  const parts = f.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} ${get('hour')}.${get('minute')} ${ZONE_LABELS[timeZone] ?? timeZone}`;
}

/** A score as the API sends it (`"87.50"`) the Indonesian way (`87,50`). */
const formatPoints = (s: string) => s.replace('.', ',');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const ROLE_NAMES = { admin: 'penyelenggara', public_body: 'PPID', assessor: 'verifikator', panelist: 'panelis' } as const;

/** A message as paragraphs, lists and at most one button-like link; rendered twice (text, HTML). */
type Block = { p: string } | { list: string[] } | { link: { label: string; url: string } };

function compose(subject: string, organizerName: string, recipientName: string, blocks: Block[]): RenderedMail {
  const signature = `Salam,\nSekretariat ${organizerName}`;
  const textBlocks = blocks.map((b) => ('p' in b ? b.p : 'list' in b ? b.list.map((i) => `- ${i}`).join('\n') : `${b.link.label}:\n${b.link.url}`));
  const text = [`Yth. ${recipientName},`, ...textBlocks, signature, 'Pesan ini dikirim otomatis oleh layanan monev keterbukaan informasi publik; mohon tidak membalas.'].join(
    '\n\n',
  );
  const htmlBlocks = blocks.map((b) =>
    'p' in b
      ? `<p>${escapeHtml(b.p)}</p>`
      : 'list' in b
        ? `<ul>${b.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
        : `<p><a href="${escapeHtml(b.link.url)}" style="display:inline-block;padding:10px 16px;background:#1c4e80;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(b.link.label)}</a></p><p style="font-size:13px;color:#555">Jika tombol tidak berfungsi, salin alamat ini ke peramban: ${escapeHtml(b.link.url)}</p>`,
  );
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px">
<p>Yth. ${escapeHtml(recipientName)},</p>
${htmlBlocks.join('\n')}
<p>Salam,<br>Sekretariat ${escapeHtml(organizerName)}</p>
<p style="font-size:12px;color:#666">Pesan ini dikirim otomatis oleh layanan monev keterbukaan informasi publik; mohon tidak membalas.</p>
</body></html>`;
  return { subject, text, html };
}

export function renderNotice(n: NoticeFacts): RenderedMail {
  switch (n.occasion) {
    case 'INVITATION':
      return compose(`Undangan akun monev KIP ${n.organizerName}`, n.organizerName, n.recipientName, [
        {
          p: `${n.organizerName} mengundang Anda sebagai ${ROLE_NAMES[n.role]}${n.bodyName ? ` ${n.bodyName}` : ''} di layanan monitoring dan evaluasi keterbukaan informasi publik.`,
        },
        { p: 'Aktifkan akun Anda dengan membuat kata sandi melalui tautan berikut. Tautan hanya dapat dipakai satu kali.' },
        { link: { label: 'Aktifkan akun', url: LINK_PLACEHOLDER } },
        { p: `Tautan berlaku sampai ${formatDateTime(n.expiresAt, n.timezone)}. Jika sudah kedaluwarsa, mintalah undangan baru kepada penyelenggara.` },
      ]);
    case 'PASSWORD_RESET':
      return compose(`Atur ulang kata sandi monev KIP ${n.organizerName}`, n.organizerName, n.recipientName, [
        { p: 'Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda. Buat kata sandi baru melalui tautan berikut; tautan hanya dapat dipakai satu kali.' },
        { link: { label: 'Atur ulang kata sandi', url: LINK_PLACEHOLDER } },
        { p: `Tautan berlaku sampai ${formatDateTime(n.expiresAt, n.timezone)}. Setelah kata sandi diganti, semua sesi yang masih masuk akan diakhiri.` },
        { p: 'Jika Anda tidak meminta ini, abaikan pesan ini: kata sandi Anda tidak berubah.' },
      ]);
    case 'SAQ_REMINDER': {
      const missingAnswers = n.missing.filter((m) => m.missing === 'ANSWER').map((m) => m.questionCode);
      const missingEvidence = n.missing.filter((m) => m.missing === 'EVIDENCE').map((m) => m.questionCode);
      const items = [
        `Terjawab: ${n.progress.answered} dari ${n.progress.total} pertanyaan`,
        ...(missingAnswers.length ? [`Belum dijawab: ${missingAnswers.join(', ')}`] : []),
        ...(missingEvidence.length ? [`Belum ada data dukung: ${missingEvidence.join(', ')}`] : []),
      ];
      return compose(`Pengingat: SAQ ${n.bodyName} ditutup dalam ${n.days} hari`, n.organizerName, n.recipientName, [
        {
          p: `Kuesioner (SAQ) ${n.periodName} ${n.year} untuk ${n.bodyName} belum dikirim. Batas waktunya ${formatDateTime(n.deadline, n.timezone)}, kurang dari ${n.days} hari lagi.`,
        },
        { p: 'Kemajuan pengisian saat ini:' },
        { list: items },
        {
          p:
            missingAnswers.length || missingEvidence.length
              ? 'Lengkapi isian di atas, lalu kirim SAQ sebelum batas waktu.'
              : 'Semua pertanyaan sudah lengkap: tinggal kirim SAQ sebelum batas waktu.',
        },
        { link: { label: 'Buka kuesioner', url: n.portalUrl } },
      ]);
    }
    case 'VERIFICATION_READY':
      return compose(`Hasil verifikasi SAQ ${n.bodyName} sudah tersedia`, n.organizerName, n.recipientName, [
        { p: `Hasil verifikasi kuesioner ${n.periodName} ${n.year} untuk ${n.bodyName} sudah dapat dilihat di akun Anda, per pertanyaan beserta catatan verifikator.` },
        {
          p:
            n.opensAt && n.closesAt
              ? `Masa sanggah: ${formatDateTime(n.opensAt, n.timezone)} sampai ${formatDateTime(n.closesAt, n.timezone)}. Ajukan sanggah atas nilai suatu pertanyaan disertai alasan dan data dukung baru dalam masa tersebut.`
              : 'Masa sanggah sedang berlangsung. Ajukan sanggah atas nilai suatu pertanyaan disertai alasan dan data dukung baru.',
        },
        { link: { label: 'Lihat hasil verifikasi', url: n.portalUrl } },
      ]);
    case 'OBJECTION_DECIDED':
      return compose(`Sanggah pertanyaan ${n.questionCode} ${n.decision === 'ACCEPTED' ? 'diterima' : 'ditolak'}`, n.organizerName, n.recipientName, [
        {
          p: `Sanggah ${n.bodyName} atas pertanyaan ${n.questionCode} (${n.periodName} ${n.year}) telah diputuskan: ${n.decision === 'ACCEPTED' ? 'DITERIMA' : 'DITOLAK'}.`,
        },
        {
          list: [
            `Nilai sebelum sanggah: ${formatPoints(n.pointsBefore)}`,
            n.decision === 'ACCEPTED' && n.pointsAfter !== null ? `Nilai setelah sanggah: ${formatPoints(n.pointsAfter)}` : 'Nilai tidak berubah',
            `Catatan: ${n.note}`,
          ],
        },
        { link: { label: 'Lihat hasil verifikasi', url: n.portalUrl } },
      ]);
    case 'RANKING_PUBLISHED':
      return compose(`Hasil pemeringkatan ${n.periodName} ${n.year} telah terbit`, n.organizerName, n.recipientName, [
        { p: `${n.organizerName} telah menerbitkan hasil pemeringkatan ${n.periodName} ${n.year}. Kualifikasi dan peringkat ${n.bodyName} dapat dilihat pada halaman peringkat.` },
        { link: { label: 'Lihat hasil pemeringkatan', url: n.rankingUrl } },
        { p: 'Piagam badan publik Anda dapat diunduh dari akun Anda setelah diterbitkan penyelenggara.' },
        { link: { label: 'Unduh piagam', url: n.portalUrl } },
      ]);
    default:
      return unreachable(n, 'notice occasion');
  }
}
