import { Alert, Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { decimalInput, type Answer, type EvidenceFile, type Question, type VerificationItem } from '../api/types';
import NotFoundPage from '../public/NotFoundPage';
import { shownValue } from '../ui/answer-text';
import { ErrorState } from '../ui/ErrorState';
import { EvidenceLink, PdfFrame } from '../ui/EvidenceViewer';
import { decimalFromInput, formatScore } from '../ui/format';
import { Loading } from '../ui/Loading';
import { usePageTitle } from '../ui/usePageTitle';
import { RetryButton, saveErrorText } from '../ui/widgets';
import { DECISION_LABELS } from './DeskPage';
import { keys, useAnswers, useEvidenceFiles, useInstrument, useParticipation, useVerifications } from './queries';

const OBJECTION_STATUS: Record<string, { label: string; color: string }> = {
  OPEN: { label: 'Menunggu keputusan', color: 'blue' },
  ACCEPTED: { label: 'Diterima', color: 'green' },
  REJECTED: { label: 'Ditolak', color: 'red' },
};

/** Sanggah on one body: the original answer and evidence beside the new reason and evidence, and the decision. */
export default function ObjectionsPage() {
  const { id = '' } = useParams();
  usePageTitle('Sanggah');
  const participation = useParticipation(id);
  const found = !!participation.data;
  const instrument = useInstrument(participation.data?.periodId, participation.data?.categoryCode);
  const verifications = useVerifications(id, found);
  const answers = useAnswers(id, found);
  const files = useEvidenceFiles(id, found);
  if (participation.error instanceof ApiError && participation.error.status === 404) return <NotFoundPage />;
  const failed = [participation, instrument, verifications, answers, files].find((q) => q.error);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!participation.data || !instrument.data || !verifications.data || !answers.data) return <Loading />;
  const p = participation.data;
  const questions = new Map(instrument.data.aspects.flatMap((a) => a.questions).map((q) => [q.code, q]));
  const answerOf = new Map(answers.data.items.map((a) => [a.questionCode, a]));
  const contested = verifications.data.items.filter((i) => i.objection);
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/beranda" size="sm">
          ← Daftar tugas
        </Anchor>
        <Title order={1}>Sanggah: {p.publicBody.name}</Title>
        <Text data-testid="saq-score">
          Nilai SAQ setelah verifikasi dan sanggah: <strong>{formatScore(verifications.data.saqScore)}</strong>
        </Text>
      </div>
      {contested.length === 0 && <Text>Badan publik ini tidak mengajukan sanggah.</Text>}
      {contested.map((item) => (
        <ObjectionCard
          key={item.objection!.id}
          item={item}
          question={questions.get(item.questionCode)!}
          answer={answerOf.get(item.questionCode)}
          files={files.data?.items ?? []}
          participationId={p.id}
          open={p.stage === 'OBJECTION'}
        />
      ))}
    </Stack>
  );
}

function Evidence({ ids, url, files }: { ids: string[]; url: string | null; files: EvidenceFile[] }) {
  if (!ids.length && !url) return <Text size="sm">Tidak ada data dukung.</Text>;
  return (
    <Stack gap="xs">
      {url && <EvidenceLink url={url} />}
      {ids.map((eid) => (
        <PdfFrame key={eid} id={eid} title={files.find((f) => f.id === eid)?.fileName ?? `Berkas ${eid}`} />
      ))}
    </Stack>
  );
}

function ObjectionCard({
  item,
  question: q,
  answer,
  files,
  participationId,
  open,
}: {
  item: VerificationItem;
  question: Question;
  answer: Answer | undefined;
  files: EvidenceFile[];
  participationId: string;
  open: boolean;
}) {
  const o = item.objection!;
  const status = OBJECTION_STATUS[o.status];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`sanggah-${o.id}`} data-testid="objection" data-code={q.code}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={`sanggah-${o.id}`}>
            {q.code}. {q.text}
          </Title>
          <Badge color={status.color} variant="light" data-testid="objection-status">
            {status.label}
          </Badge>
        </Group>
        <div className="side-by-side">
          <Stack gap="xs">
            <Title order={3} size="h5">
              Jawaban dan data dukung semula
            </Title>
            <Text size="sm">
              Jawaban: <strong>{shownValue(q, answer?.value)}</strong> · nilai mandiri {formatScore(item.selfPoints)}
            </Text>
            <Text size="sm">
              Nilai verifikasi: <strong>{formatScore(item.verifiedPoints)}</strong> ({item.status ? DECISION_LABELS[item.status] : '–'}) dari {formatScore(item.maxPoints)}
            </Text>
            {item.note && <Text size="sm">Catatan verifikasi: {item.note}</Text>}
            <Evidence ids={answer?.evidenceIds ?? []} url={answer?.url ?? null} files={files} />
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              Alasan dan data dukung sanggah
            </Title>
            <Text size="sm" data-testid="objection-reason">
              {o.reason}
            </Text>
            <Evidence ids={o.evidenceIds} url={o.url} files={files} />
          </Stack>
        </div>
        {o.status === 'OPEN' ? (
          open ? (
            <DecisionForm objectionId={o.id} maxPoints={item.maxPoints} participationId={participationId} code={q.code} />
          ) : (
            <Text size="sm">Sanggah hanya dapat diputuskan pada masa sanggah.</Text>
          )
        ) : (
          <Text size="sm" data-testid="objection-decision">
            Keputusan: {status.label}
            {o.status === 'ACCEPTED' ? `, nilai baru ${formatScore(o.pointsAfter)}` : ''}. Catatan: {o.decisionNote}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function DecisionForm({ objectionId, maxPoints, participationId, code }: { objectionId: string; maxPoints: string; participationId: string; code: string }) {
  const qc = useQueryClient();
  const [decision, setDecision] = useState<'ACCEPTED' | 'REJECTED' | null>(null);
  const [points, setPoints] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.PUT('/objections/{id}', {
          params: { path: { id: objectionId } },
          body: { decision, note, points: decision === 'ACCEPTED' && points.trim() ? decimalInput(decimalFromInput(points)) : undefined },
        }),
      );
      await qc.invalidateQueries({ queryKey: keys.verifications(participationId) });
      await qc.invalidateQueries({ queryKey: keys.assignments });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fields = error instanceof ApiError && error.status === 400 ? new Set(error.fieldErrors.map((f) => f.field)) : new Set<string>();
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <Radio.Group label={`Keputusan sanggah ${code}`} value={decision} onChange={(v) => setDecision(v as 'ACCEPTED' | 'REJECTED')} required>
          <Group gap="md" mt={4}>
            <Radio value="ACCEPTED" label="Diterima" />
            <Radio value="REJECTED" label="Ditolak" />
          </Group>
        </Radio.Group>
        {decision === 'ACCEPTED' && (
          <TextInput
            label={`Nilai baru (0 sampai ${formatScore(maxPoints)})`}
            inputMode="decimal"
            value={points}
            onChange={(e) => setPoints(e.currentTarget.value)}
            error={fields.has('points') ? `Nilai baru wajib diisi, antara 0 dan ${formatScore(maxPoints)}.` : undefined}
            maw={240}
          />
        )}
        <Textarea
          label="Catatan keputusan"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fields.has('note') ? 'Catatan keputusan wajib diisi.' : undefined}
          required
        />
        <Group>
          <Button type="submit" loading={busy} disabled={!decision}>
            Simpan keputusan
          </Button>
        </Group>
        {error != null && fields.size === 0 && (
          <Alert className="ppid-alert" color="red" variant="outline" role="alert">
            <Group gap="sm">
              <Text size="sm">
                {error instanceof ApiError && error.status === 409
                  ? 'Sanggah ini sudah diputuskan di tempat lain; muat ulang halaman.'
                  : `Keputusan gagal disimpan: ${saveErrorText(error)}`}
              </Text>
              {error instanceof ApiError && error.retryable && <RetryButton error={error} onRetry={() => setError(null)} />}
            </Group>
          </Alert>
        )}
      </Stack>
    </form>
  );
}
