import PDFDocument from 'pdfkit';

/** A one-page evidence PDF (data dukung) as a PPID would scan or export it. */
export function evidencePdf(bodyName: string, title: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: true, info: { Title: title, Author: bodyName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font('Helvetica-Bold').fontSize(14).text(bodyName.toUpperCase(), { align: 'center' });
    doc.moveDown().fontSize(12).text(title, { align: 'center' });
    doc
      .moveDown()
      .font('Helvetica')
      .fontSize(10)
      .text(
        'Dokumen ini merupakan data dukung Self Assessment Questionnaire Monitoring dan Evaluasi Keterbukaan Informasi Publik. ' +
          'Memuat keputusan penetapan PPID, daftar informasi publik, standar operasional prosedur pelayanan informasi, dan laporan layanan informasi publik.',
        { align: 'justify' },
      );
    doc.end();
  });
}
