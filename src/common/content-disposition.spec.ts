import { attachmentDisposition } from './content-disposition';

const parse = (header: string) => {
  const m = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
  return m ? { fallback: m[1], name: decodeURIComponent(m[2]) } : null;
};

describe('attachmentDisposition', () => {
  it('carries the exact UTF-8 name in filename* and a printable ASCII fallback', () => {
    const header = attachmentDisposition('laporan akhir 🙂 ñ.pdf');
    expect(parse(header)).toEqual({ fallback: 'laporan akhir _ n.pdf', name: 'laporan akhir 🙂 ñ.pdf' });
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('keeps quotes, backslashes and RFC 5987 specials out of the raw header', () => {
    for (const name of [`say "hi" \\ it's (v2)*.pdf`, 'Surat Keputusan PPID 2026.pdf', 'تقرير.pdf', '報告書.xlsx']) {
      const header = attachmentDisposition(name);
      expect({ name, parsed: parse(header)?.name }).toEqual({ name, parsed: name });
      expect(parse(header)!.fallback).not.toMatch(/["\\]/);
    }
  });

  it('leaves a plain ASCII name as it is', () => {
    expect(attachmentDisposition('peringkat-2026.csv')).toBe(`attachment; filename="peringkat-2026.csv"; filename*=UTF-8''peringkat-2026.csv`);
  });
});
