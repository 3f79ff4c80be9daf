import { formatDateTime, LINK_PLACEHOLDER, renderNotice } from './templates';

const common = { organizerName: 'Komisi Informasi Provinsi Kalimantan Tengah', recipientName: 'PPID Dinas <Kominfo>', timezone: 'Asia/Jakarta' };

describe('notice templates', () => {
  it('writes times in the period zone with its label', () => {
    expect(formatDateTime(new Date('2026-09-30T16:59:00Z'), 'Asia/Jakarta')).toBe('30 Sep 2026 23.59 WIB');
    expect(formatDateTime(new Date('2026-09-30T16:59:00Z'), 'Asia/Jayapura')).toBe('1 Okt 2026 01.59 WIT');
  });

  it('puts the link placeholder (never a token) in invitations, with the organizer name, and escapes HTML', () => {
    const m = renderNotice({ ...common, occasion: 'INVITATION', role: 'public_body', bodyName: 'Dinas Kominfo', expiresAt: new Date('2026-10-08T00:00:00Z') });
    expect(m.subject).toContain('Komisi Informasi Provinsi Kalimantan Tengah');
    expect(m.text).toContain(LINK_PLACEHOLDER);
    expect(m.html).toContain(`href="${LINK_PLACEHOLDER}"`);
    expect(m.text).toContain('PPID Dinas <Kominfo>');
    expect(m.html).toContain('PPID Dinas &lt;Kominfo&gt;');
    expect(m.text).toContain('8 Okt 2026 07.00 WIB');
  });

  it('tells a reminder the days left, the progress and what is missing', () => {
    const m = renderNotice({
      ...common,
      occasion: 'SAQ_REMINDER',
      bodyName: 'Dinas Kominfo',
      periodName: 'Monev KIP',
      year: 2026,
      days: 3,
      deadline: new Date('2026-09-30T16:59:00Z'),
      progress: { answered: 3, total: 5, missingEvidence: 1 },
      missing: [
        { questionCode: '2.2', missing: 'ANSWER' },
        { questionCode: '1.1', missing: 'EVIDENCE' },
      ],
      portalUrl: 'http://monev.test/beranda',
    });
    expect(m.subject).toBe('Pengingat: SAQ Dinas Kominfo ditutup dalam 3 hari');
    expect(m.text).toContain('Terjawab: 3 dari 5 pertanyaan');
    expect(m.text).toContain('Belum dijawab: 2.2');
    expect(m.text).toContain('Belum ada data dukung: 1.1');
    expect(m.text).toContain('30 Sep 2026 23.59 WIB');
  });

  it('writes points the Indonesian way in a decided objection', () => {
    const m = renderNotice({
      ...common,
      occasion: 'OBJECTION_DECIDED',
      bodyName: 'Dinas Kominfo',
      periodName: 'Monev KIP',
      year: 2026,
      questionCode: '2.1',
      decision: 'ACCEPTED',
      pointsBefore: '1.50',
      pointsAfter: '4.00',
      note: 'Bukti baru sah',
      portalUrl: 'http://monev.test/beranda',
    });
    expect(m.subject).toBe('Sanggah pertanyaan 2.1 diterima');
    expect(m.text).toContain('Nilai sebelum sanggah: 1,50');
    expect(m.text).toContain('Nilai setelah sanggah: 4,00');
  });
});
