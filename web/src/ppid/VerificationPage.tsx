import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { ErrorState } from '../ui/ErrorState';
import { formatScore } from '../ui/format';
import { Loading } from '../ui/Loading';
import { usePageTitle } from '../ui/usePageTitle';
import { EvidenceField } from './EvidenceField';
import { keys, useEvidenceFiles, useInstrument, useParticipation, useVerifications } from './queries';
import type { EvidenceFile, Participation, Question, VerificationItem } from '../api/types';
import { fieldErrorsOf, RetryButton, saveErrorText } from '../ui/widgets';

const VERIFICATION_STATUS: Record<string, string> = { ACCEPTED: 'Diterima', ADJUSTED: 'Disesuaikan', EVIDENCE_INACCESSIBLE: 'Data dukung tidak dapat diakses' };
const OBJECTION_STATUS: Record<string, { label: string; color: string }> = {
  OPEN: { label: 'Sanggah diajukan, menunggu keputusan', color: 'blue' },
  ACCEPTED: { label: 'Sanggah diterima', color: 'green' },
  REJECTED: { label: 'Sanggah ditolak', color: 'red' },
};

/** From OBJECTION on: the verification per question, and a sanggah inside the window. */
export default function VerificationPage() {
  const { id = '' } = useParams();
  usePageTitle('Hasil verifikasi');
  const participation = useParticipation(id);
  const verifications = useVerifications(id);
  const instrument = useInstrument(participation.data?.periodId, participation.data?.categoryCode);
  const files = useEvidenceFiles(id);
  const failed = [participation, verifications, instrument, files].find((q) => q.error);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!participation.data || !verifications.data || !instrument.data) return <Loading />;
  const p = participation.data;
  const items = new Map(verifications.data.items.map((i) => [i.questionCode, i]));
  const objectionOpen = p.stage === 'OBJECTION' && p.status === 'VERIFIED';
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/beranda" size="sm">
          ← Beranda
        </Anchor>
        <Title order={1}>Hasil verifikasi</Title>
        <Text>{p.publicBody.name}</Text>
        <Text data-testid="saq-score">
          Nilai SAQ setelah verifikasi: <strong>{formatScore(verifications.data.saqScore)}</strong>
        </Text>
        {objectionOpen && <Text size="sm">Masa sanggah sedang berjalan: Anda dapat menyanggah nilai verifikasi per pertanyaan dengan alasan dan data dukung baru.</Text>}
      </div>
      {instrument.data.aspects.map((aspect) => (
        <section key={aspect.code} aria-labelledby={`v-aspek-${aspect.code}`}>
          <Title order={2} size="h3" id={`v-aspek-${aspect.code}`} mb="sm">
            {aspect.code}. {aspect.title}
          </Title>
          <Stack gap="md">
            {aspect.questions.map((q) => {
              const item = items.get(q.code);
              return item ? <VerificationCard key={q.code} question={q} item={item} participation={p} files={files.data?.items ?? []} canObject={objectionOpen} /> : null;
            })}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

function VerificationCard({ question: q, item, participation, files, canObject }: { question: Question; item: VerificationItem; participation: Participation; files: EvidenceFile[]; canObject: boolean }) {
  const o = item.objection;
  const [formOpen, setFormOpen] = useState(false);
  return (
    <Paper withBorder p="md" data-testid="verification" data-code={q.code}>
      <Stack gap="xs">
        <Text fw={600}>
          {q.code}. {q.text}
        </Text>
        <Group gap="lg">
          <Text size="sm">
            Nilai mandiri: <strong data-testid="self-points">{formatScore(item.selfPoints)}</strong>
          </Text>
          <Text size="sm">
            Nilai verifikasi: <strong data-testid="verified-points">{formatScore(item.verifiedPoints)}</strong> dari {formatScore(item.maxPoints)}
          </Text>
          {item.status && <Badge variant="light">{VERIFICATION_STATUS[item.status] ?? item.status}</Badge>}
        </Group>
        {item.note && (
          <Text size="sm" data-testid="assessor-note">
            Catatan verifikator: {item.note}
          </Text>
        )}
        {o && (
          <Alert className="ppid-alert" color={OBJECTION_STATUS[o.status]?.color ?? 'gray'} variant="light" title={OBJECTION_STATUS[o.status]?.label ?? o.status} data-testid="objection" data-status={o.status}>
            <Text size="sm">Alasan: {o.reason}</Text>
            {o.status === 'ACCEPTED' && <Text size="sm">Nilai baru: {formatScore(o.pointsAfter)}</Text>}
            {o.decisionNote && <Text size="sm">Catatan keputusan: {o.decisionNote}</Text>}
          </Alert>
        )}
        {canObject && o?.status !== 'OPEN' && !formOpen && (
          <Group>
            <Button size="compact-sm" variant="outline" onClick={() => setFormOpen(true)}>
              Ajukan sanggah untuk {q.code}
            </Button>
          </Group>
        )}
        {canObject && formOpen && <ObjectionForm question={q} participation={participation} files={files} onDone={() => setFormOpen(false)} />}
      </Stack>
    </Paper>
  );
}

function ObjectionForm({ question: q, participation, files, onDone }: { question: Question; participation: Participation; files: EvidenceFile[]; onDone: () => void }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<{ evidenceIds: string[]; url: string }>({ evidenceIds: [], url: '' });
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/participations/{id}/objections', {
          params: { path: { id: participation.id } },
          body: { questionCode: q.code, reason: reason.trim(), evidenceIds: evidence.evidenceIds.length ? evidence.evidenceIds : undefined, url: evidence.url.trim() || undefined },
        }),
      );
      await qc.invalidateQueries({ queryKey: keys.verifications(participation.id) });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fields = fieldErrorsOf(error);
  const text =
    error instanceof ApiError && error.status === 422
      ? 'Masa sanggah telah berakhir atau sanggah tidak dapat diajukan untuk pertanyaan ini.'
      : error instanceof ApiError && error.status === 409
        ? 'Sanggah untuk pertanyaan ini sudah diajukan.'
        : error
          ? saveErrorText(error)
          : null;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Sanggah untuk ${q.code}`}>
      <Stack gap="sm">
        <Textarea label={`Alasan sanggah untuk ${q.code}`} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={missing ? 'Isi alasan sanggah.' : fields.reason} />
        <EvidenceField
          participationId={participation.id}
          questionCode={q.code}
          kind="FILE_OR_URL"
          evidenceIds={evidence.evidenceIds}
          url={evidence.url}
          files={files}
          maxBytes={participation.evidenceMaxBytes}
          readOnly={false}
          errors={fields}
          onChange={setEvidence}
        />
        {text && (
          <Group gap="sm" role="alert">
            <Text size="sm" c="red.8">
              {text}
            </Text>
            {error instanceof ApiError && error.retryable && <RetryButton error={error} onRetry={() => void submit()} />}
          </Group>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            Kirim sanggah
          </Button>
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
