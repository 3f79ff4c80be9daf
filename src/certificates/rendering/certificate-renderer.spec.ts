import jsQR from 'jsqr';
import { contentStreams, pdfText } from '../../../test/support/pdf';
import { CertificateData, CertificateRenderer, isWinAnsi, qrMatrix, QrMatrix, QrRect } from './index';

const URL_ = 'https://monev.kip.kalteng.go.id/verify/K7QX93MDPL2AZT8W';

function sample(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    organizerName: 'Komisi Informasi Provinsi Kalimantan Tengah',
    publicBodyName: 'Dinas Komunikasi dan Informatika Kabupaten Kotawaringin Timur',
    categoryName: 'Pemerintah Kabupaten/Kota',
    year: 2026,
    qualificationLabel: 'Menuju Informatif',
    finalScore: '91.25',
    rankInCategory: 2,
    signatoryName: 'Dr. H. Ahmad Fauzi, S.H., M.H.',
    signatoryTitle: 'Ketua Komisi Informasi Provinsi Kalimantan Tengah',
    place: 'Palangka Raya',
    issueDate: '24 November 2026',
    verificationCode: 'K7QX93MDPL2AZT8W',
    verificationUrl: URL_,
    ...overrides,
  };
}

/** Rasterise module predicates to RGBA: `scale` px per module, `quiet` white modules around. */
function rasterize(size: number, isDark: (r: number, c: number) => boolean, scale = 4, quiet = 4) {
  const side = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!isDark(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((r + quiet) * scale + dy) * side + (c + quiet) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }
  }
  return { data, side };
}

/** Module grid covered by the drawn rectangles (true = dark). */
function gridFromRects(rects: QrRect[], x0: number, y0: number, m: number, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const r of rects) {
    const row = Math.round((r.y - y0) / m);
    const c0 = Math.round((r.x - x0) / m);
    const len = Math.round(r.w / m);
    expect(Math.round(r.h / m)).toBe(1);
    for (let c = c0; c < c0 + len; c++) {
      expect(grid[row][c]).toBe(false); // no overlapping rects
      grid[row][c] = true;
    }
  }
  return grid;
}

const pdfNumber = (n: number) => String(Math.round(n * 1e6) / 1e6); // pdfkit's number formatting

describe('isWinAnsi', () => {
  it.each([
    ['Dinas Komunikasi dan Informatika', true],
    ['', true],
    ['Café Ünïvérsité ß Ø ÿ', true],
    ['€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ', true],
    ['\u00a0non-breaking', true],
    ['Ōsaka', false],
    ['Дирекция', false],
    ['Dinas Ƙ', false],
    ['ŽĐ', false], // Ž yes, Đ (U+0110) no
    ['tab\there', false],
    ['\u0080', false], // C1 control, not the € slot
    ['emoji 😀', false],
    ['大阪', false],
  ])('%j -> %s', (text, expected) => {
    expect(isWinAnsi(text)).toBe(expected);
  });
});

describe('qrMatrix', () => {
  it('decodes back to the URL when rasterised (jsQR)', () => {
    const m = qrMatrix(URL_);
    expect(m.size).toBeGreaterThanOrEqual(21);
    const { data, side } = rasterize(m.size, m.isDark);
    expect(jsQR(data, side, side)?.data).toBe(URL_);
  });
});

describe('CertificateRenderer', () => {
  const renderer = new CertificateRenderer();

  it('renders a one-page PDF with the required text', async () => {
    const pdf = await renderer.render(sample());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages, info } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Komisi Informasi Provinsi Kalimantan Tengah');
    expect(text).toContain('PIAGAM PENGHARGAAN');
    expect(text).toContain('diberikan kepada');
    expect(text.replace(/\s+/g, ' ')).toContain('Dinas Komunikasi dan Informatika Kabupaten Kotawaringin Timur');
    expect(text).toContain('Kategori Pemerintah Kabupaten/Kota');
    expect(text).toContain('Keterbukaan Informasi Publik Tahun 2026 dengan kualifikasi');
    expect(text).toContain('MENUJU INFORMATIF');
    expect(text).toContain('Nilai Akhir: 91,25');
    expect(text).not.toContain('91.25');
    expect(text).toContain('Palangka Raya, 24 November 2026');
    expect(text).toContain('Ketua Komisi Informasi Provinsi Kalimantan Tengah');
    expect(text).toContain('Dr. H. Ahmad Fauzi, S.H., M.H.');
    expect(text).toContain('Kode verifikasi: K7QX93MDPL2AZT8W');
    expect(text).toContain(URL_);
    expect(info.Author).toBe('Komisi Informasi Provinsi Kalimantan Tengah');
    expect(String(info.Title)).toContain('Piagam Penghargaan');
    // standard fonts only: nothing embedded, and no raster image
    const raw = pdf.toString('latin1');
    expect(raw).not.toContain('FontFile2');
    expect(raw).not.toContain('/Subtype /Image');
    expect(raw).toContain('/BaseFont /Helvetica');
  });

  it('prints the rank line for the top three only', async () => {
    const rank2 = await pdfText(await renderer.render(sample({ rankInCategory: 2 })));
    expect(rank2.text).toContain('Peringkat 2 Kategori Pemerintah Kabupaten/Kota');
    for (const rankInCategory of [4, null]) {
      const { text } = await pdfText(await renderer.render(sample({ rankInCategory })));
      expect(text).not.toContain('Peringkat');
    }
  });

  it('wraps a 150-character name on one page', async () => {
    const name = 'Badan Perencanaan Pembangunan Penelitian dan Pengembangan Daerah Kabupaten Kotawaringin Barat Provinsi Kalimantan Tengah, Republik Indonesia Raya Jaya';
    expect(name).toHaveLength(150);
    const pdf = await renderer.render(sample({ publicBodyName: name, rankInCategory: 1 }));
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const word of name.split(' ')) expect(text).toContain(word);
    expect(text).toContain('Peringkat 1 Kategori');
    expect(text).toContain('MENUJU INFORMATIF');
  });

  it('never overflows onto a second page, even for an absurd unbreakable name', async () => {
    const pdf = await renderer.render(sample({ publicBodyName: 'Sekretariat'.repeat(80), signatoryTitle: 'Ketua '.repeat(40) }));
    const { pages } = await pdfText(pdf);
    expect(pages).toBe(1);
  });

  it('embeds DejaVuSans for a non-WinAnsi name', async () => {
    const name = 'Дирекция Ōsaka ŽĐ';
    const pdf = await renderer.render(sample({ publicBodyName: name, organizerName: 'Komisi Informasi Provinsi Kalimantan Tengah' }));
    const raw = pdf.toString('latin1');
    expect(raw).toContain('FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/); // subset of the bold face
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain(name);
    expect(text).toContain('Nilai Akhir: 91,25');
  });

  it('keeps extracted text right across consecutive non-WinAnsi documents', async () => {
    // Cyrillic "е" and Latin "e" share a DejaVu glyph; each document must map it on its own.
    const names = ['Dinas Ƙ Kota', 'Управление Ōsaka', 'Kantor Ŝekretariat ĐĆ'];
    const pdfs = await Promise.all(names.map((publicBodyName) => renderer.render(sample({ publicBodyName }))));
    for (let i = 0; i < names.length; i++) expect((await pdfText(pdfs[i])).text).toContain(names[i]);
  });

  it('draws the QR matrix of the URL as vector rectangles filled once', async () => {
    const { pdf, qr } = await renderer.renderWithLayout(sample());
    const m: QrMatrix = qrMatrix(URL_);
    expect(qr.modules).toBe(m.size);

    // 1. the rectangles cover exactly the dark modules of qrMatrix(url)
    const grid = gridFromRects(qr.rects, qr.x, qr.y, qr.moduleSize, qr.modules);
    let dark = 0;
    for (let r = 0; r < m.size; r++) {
      for (let c = 0; c < m.size; c++) {
        expect(grid[r][c]).toBe(m.isDark(r, c));
        if (m.isDark(r, c)) dark++;
      }
    }
    expect(qr.rects.length).toBeLessThan(dark); // runs are merged

    // 2. what was drawn decodes to the URL
    const { data, side } = rasterize(qr.modules, (r, c) => grid[r][c]);
    expect(jsQR(data, side, side)?.data).toBe(URL_);

    // 3. the page content really contains those rectangles, in order, followed by one fill
    const content = contentStreams(pdf).find((s) => s.includes(' re\n') && s.includes('BT'));
    expect(content).toBeDefined();
    const lines = content!.split('\n');
    const expected = qr.rects.map((r) => `${pdfNumber(r.x)} ${pdfNumber(r.y)} ${pdfNumber(r.w)} ${pdfNumber(r.h)} re`);
    const first = lines.indexOf(expected[0]);
    expect(first).toBeGreaterThan(-1);
    expect(lines.slice(first, first + expected.length)).toEqual(expected);
    expect(lines[first + expected.length]).toBe('f');
    // no raster image anywhere
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
  });
});
