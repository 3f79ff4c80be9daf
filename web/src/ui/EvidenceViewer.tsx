import { Anchor, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { Loading } from './Loading';

/**
 * Evidence PDFs as same-origin blob URLs: GET /evidence/:id needs the session's bearer token, which
 * an <iframe src> cannot send. One fetch per evidence id for the page's life, so a prefetched
 * document shows at once.
 */
const blobUrls = new Map<string, Promise<string>>();

export function evidenceUrl(id: string): Promise<string> {
  let url = blobUrls.get(id);
  if (!url) {
    url = unwrap(api.GET('/evidence/{id}', { params: { path: { id } }, parseAs: 'blob' })).then((blob) => URL.createObjectURL(blob as Blob));
    url.catch(() => blobUrls.delete(id));
    blobUrls.set(id, url);
  }
  return url;
}

/** Starts loading documents the reader is about to open (the next question's). */
export function prefetchEvidence(ids: string[]): void {
  for (const id of ids) void evidenceUrl(id).catch(() => undefined);
}

/** One evidence PDF inline, in the browser's own viewer. */
export function PdfFrame({ id, title }: { id: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setUrl(null);
    setShown(false);
    setFailed(false);
    evidenceUrl(id).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (failed) return <Text c="red.8">Dokumen {title} tidak dapat dimuat.</Text>;
  if (!url) return <Loading />;
  return (
    <Stack gap={4}>
      <iframe className="pdf-frame" src={url} title={`Dokumen ${title}`} data-testid="pdf-frame" data-evidence={id} data-loaded={shown} onLoad={() => setShown(true)} />
      <Anchor href={url} target="_blank" rel="noopener" size="sm">
        Buka {title} di tab baru
      </Anchor>
    </Stack>
  );
}

/** A link given as evidence: opened in a new tab, its address shown in full. */
export function EvidenceLink({ url }: { url: string }) {
  return (
    <Text size="sm" className="evidence-url" data-testid="evidence-url">
      Tautan:{' '}
      <Anchor href={url} target="_blank" rel="noopener noreferrer">
        {url}
      </Anchor>{' '}
      (dibuka di tab baru)
    </Text>
  );
}
