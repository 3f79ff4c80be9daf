import { api, unwrap } from '../api/client';
import type { EvidenceFile } from '../api/types';
import { formatCount } from '../ui/format';

/**
 * What the browser can tell before sending (the server still judges the file): its content starts
 * with `%PDF-` and it is within the limit the API gives. An Indonesian sentence when it is refused.
 */
export async function pdfRefusal(file: File, maxBytes: number): Promise<string | null> {
  if (file.size > maxBytes) return `Berkas "${file.name}" berukuran ${formatCount(file.size)} byte, melebihi batas ${formatCount(maxBytes)} byte (${formatMb(maxBytes)}).`;
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  if (String.fromCharCode(...head) !== '%PDF-') return `Berkas "${file.name}" bukan PDF: isinya tidak diawali %PDF-. Unggah dokumen PDF.`;
  return null;
}

const formatMb = (bytes: number) => `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(bytes / 1048576)} MB`;

/**
 * POST /participations/:id/evidence through the typed client (its middleware adds the session), sent
 * by XMLHttpRequest so the upload reports its progress (fetch cannot).
 */
export function uploadEvidence(participationId: string, file: File, onProgress: (fraction: number) => void): Promise<EvidenceFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const viaXhr = (request: Request) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => {
        if (name.toLowerCase() !== 'content-type') xhr.setRequestHeader(name, value);
      });
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers }));
      };
      xhr.onerror = () => reject(new TypeError('network error'));
      xhr.send(form);
    });
  return unwrap(
    api.POST('/participations/{id}/evidence', {
      params: { path: { id: participationId } },
      body: form as never,
      bodySerializer: (b: unknown) => b as FormData,
      fetch: viaXhr,
    }),
  );
}
