import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useCertificateCheck } from '../api/public';
import type { CertificateCheck } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime, formatScore } from '../ui/format';
import { Loading } from '../ui/Loading';
import { QualificationBadge } from '../ui/QualificationBadge';
import { usePageTitle } from '../ui/usePageTitle';

function Facts({ c }: { c: CertificateCheck }) {
  return (
    <dl className="facts">
      <dt>Badan publik</dt>
      <dd data-testid="certificate-body">{c.publicBody}</dd>
      <dt>Tahun</dt>
      <dd>{c.year}</dd>
      <dt>Kategori</dt>
      <dd>{c.categoryCode}</dd>
      <dt>Kualifikasi</dt>
      <dd>
        <QualificationBadge code={c.qualification} label={c.qualificationLabel} />
      </dd>
      <dt>Nilai akhir</dt>
      <dd data-testid="certificate-score">{formatScore(c.finalScore)}</dd>
      {c.rankInCategory !== null && c.rankInCategory <= 3 && (
        <>
          <dt>Peringkat</dt>
          <dd>{c.rankInCategory}</dd>
        </>
      )}
      <dt>Penyelenggara</dt>
      <dd>{c.organizer}</dd>
      <dt>Diterbitkan</dt>
      <dd>{formatDateTime(c.issuedAt, c.timezone)}</dd>
    </dl>
  );
}

export default function VerifyPage() {
  const code = useParams().code ?? '';
  const check = useCertificateCheck(code);
  usePageTitle('Verifikasi piagam');
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>Verifikasi piagam</Title>
      <Text size="sm" c="dimmed">
        Kode: <span data-testid="certificate-code">{code}</span>
      </Text>
      {check.isPending ? (
        <Loading label="Memeriksa piagam…" />
      ) : check.isError ? (
        <ErrorState
          error={check.error}
          onRetry={() => check.refetch()}
          notFound={{ title: 'Piagam tidak ditemukan', text: 'Tidak ada piagam dengan kode ini. Periksa kembali kode pada piagam atau pindai ulang kode QR-nya.' }}
        />
      ) : (
        <>
          {check.data.valid ? (
            <Alert color="#1b5e20" variant="outline" title="Piagam sah" data-testid="certificate-status" data-status="valid">
              Piagam ini diterbitkan oleh {check.data.organizer} dan tercatat sah.
            </Alert>
          ) : (
            <Alert color="#8a1c1c" variant="outline" title="Piagam dicabut" data-testid="certificate-status" data-status="revoked">
              Piagam ini telah dicabut{check.data.revokedAt ? ` pada ${formatDateTime(check.data.revokedAt, check.data.timezone)}` : ''} karena hasil pemeringkatan diperbaiki. Piagam
              ini tidak berlaku lagi; badan publik menerima piagam pengganti dengan kode baru.
            </Alert>
          )}
          <Card withBorder padding="lg" radius="md">
            <Facts c={check.data} />
          </Card>
        </>
      )}
    </Stack>
  );
}
