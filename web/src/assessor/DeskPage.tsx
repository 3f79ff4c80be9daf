import { Alert, Anchor, Badge, Button, Group, Kbd, List, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { decimalInput, type Answer, type EvidenceFile, type Question, type VerificationItem } from '../api/types';
import NotFoundPage from '../public/NotFoundPage';
import { shownValue } from '../ui/answer-text';
import { AutosaveQueue, type Entry } from '../ui/autosave';
import { ErrorState } from '../ui/ErrorState';
import { EvidenceLink, PdfFrame, prefetchEvidence } from '../ui/EvidenceViewer';
import { decimalFromInput, formatDateTime, formatScore } from '../ui/format';
import { STATUS_LABELS } from '../ui/labels';
import { Loading } from '../ui/Loading';
import { useLeaveWarning } from '../ui/useLeaveWarning';
import { usePageTitle } from '../ui/usePageTitle';
import { RetryButton, saveErrorText } from '../ui/widgets';
import { keys, useAnswers, useEvidenceFiles, useInstrument, useParticipation, usePeriod, useVerifications } from './queries';

type Decision = 'ACCEPTED' | 'ADJUSTED' | 'EVIDENCE_INACCESSIBLE';
interface VDraft {
  status: Decision | null;
  /** As typed (id-ID decimal comma allowed); sent as a decimal string. */
  points: string;
  note: string;
}
const EMPTY: VDraft = { status: null, points: '', note: '' };

export const DECISION_LABELS: Record<Decision, string> = { ACCEPTED: 'Terima', ADJUSTED: 'Sesuaikan', EVIDENCE_INACCESSIBLE: 'Bukti tidak dapat diakses' };

const toDraft = (v: VerificationItem | undefined): VDraft =>
  v?.status ? { status: v.status, points: v.verifiedPoints === null ? '' : formatScore(v.verifiedPoints), note: v.note ?? '' } : EMPTY;

const STATE_TEXT: Record<Entry<VDraft>['state'], string> = {
  idle: 'Tersimpan',
  saved: 'Tersimpan',
  pending: 'Menyimpan…',
  saving: 'Menyimpan…',
  incomplete: 'Belum lengkap',
  failed: 'Gagal menyimpan',
  conflict: 'Diubah di tempat lain',
};

const SHORTCUTS: [string, string][] = [
  ['N', 'pertanyaan berikutnya'],
  ['P', 'pertanyaan sebelumnya'],
  ['T', 'terima nilai mandiri'],
  ['S', 'sesuaikan: ke isian nilai'],
  ['X', 'bukti tidak dapat diakses'],
  ['C', 'ke isian catatan'],
  ['Esc', 'keluar dari isian'],
];

/** The verification desk: one question at a time, the evidence beside it, autosaved decisions, keyboard flow. */
export default function DeskPage() {
  const { id = '' } = useParams();
  usePageTitle('Meja verifikasi');
  const qc = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const participation = useParticipation(id);
  const found = !!participation.data;
  const period = usePeriod(participation.data?.periodId);
  const instrument = useInstrument(participation.data?.periodId, participation.data?.categoryCode);
  const answers = useAnswers(id, found);
  const files = useEvidenceFiles(id, found);
  const verifications = useVerifications(id, found);

  const questions = useMemo(() => (instrument.data?.aspects ?? []).flatMap((a) => a.questions), [instrument.data]);
  const maxOf = useRef(new Map<string, string>());
  const queue = useMemo(
    () =>
      new AutosaveQueue<VDraft>({
        storageKey: `monev-verifikasi:${id}`,
        storage: typeof localStorage === 'undefined' ? undefined : localStorage,
        empty: EMPTY,
        isComplete: (d) => d.status !== null && (d.status !== 'ADJUSTED' || d.points.trim() !== ''),
        isConflict: (e) => e instanceof ApiError && e.status === 409,
        save: async (code, d, version) => {
          const saved = await unwrap(
            api.PUT('/participations/{id}/verifications/{questionCode}', {
              params: { path: { id, questionCode: code } },
              body: { status: d.status!, points: decimalInput(d.status === 'EVIDENCE_INACCESSIBLE' ? '0' : decimalFromInput(d.points)), note: d.note.trim() || undefined, version },
            }),
          );
          void qc.invalidateQueries({ queryKey: keys.assignments });
          return saved;
        },
        loadCurrent: async (code) => {
          const list = await unwrap(api.GET('/participations/{id}/verifications', { params: { path: { id } } }));
          const v = list.items.find((x) => x.questionCode === code);
          return { draft: toDraft(v), version: v?.version ?? 0 };
        },
      }),
    [id, qc],
  );
  useEffect(() => () => queue.dispose(), [queue]);

  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (loaded || !verifications.data) return;
    for (const v of verifications.data.items) {
      maxOf.current.set(v.questionCode, v.maxPoints);
      queue.load(v.questionCode, { draft: toDraft(v), version: v.version });
    }
    setLoaded(true);
  }, [verifications.data, loaded, queue]);

  useLeaveWarning(queue);

  const answerOf = useMemo(() => new Map((answers.data?.items ?? []).map((a) => [a.questionCode, a])), [answers.data]);
  const wanted = search.get('q');
  const index = Math.max(
    0,
    questions.findIndex((q) => q.code === wanted),
  );
  const current = questions[index];
  const go = (i: number) => {
    const q = questions[Math.min(questions.length - 1, Math.max(0, i))];
    if (q) setSearch({ q: q.code }, { replace: true });
  };

  // The neighbours' documents stand by in the evidence pane; the ones after them are fetched ahead.
  useEffect(() => {
    for (const q of [questions[index + 2], questions[index - 2]]) if (q) prefetchEvidence(answerOf.get(q.code)?.evidenceIds ?? []);
  }, [index, questions, answerOf]);

  const readOnly = !participation.data || participation.data.stage !== 'VERIFICATION' || !['SUBMITTED', 'VERIFIED'].includes(participation.data.status);
  const pointsRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);

  const decide = (code: string, status: Decision) => {
    const e = queue.get(code);
    const a = answerOf.get(code);
    const draft = e?.draft ?? EMPTY;
    const points = status === 'ACCEPTED' ? formatScore(a?.selfPoints ?? '0') : status === 'EVIDENCE_INACCESSIBLE' ? '0,00' : draft.points;
    queue.edit(code, { ...draft, status, points });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!current || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement;
      const typing = t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && t.type !== 'radio' && t.type !== 'checkbox');
      if (typing) {
        if (e.key === 'Escape') {
          e.preventDefault();
          cardRef.current?.focus();
        }
        return;
      }
      const key = e.key.toLowerCase();
      if (key === 'n') go(index + 1);
      else if (key === 'p') go(index - 1);
      else if (readOnly) return;
      else if (key === 't') decide(current.code, 'ACCEPTED');
      else if (key === 'x') decide(current.code, 'EVIDENCE_INACCESSIBLE');
      else if (key === 's') {
        decide(current.code, 'ADJUSTED');
        pointsRef.current?.focus();
      } else if (key === 'c') noteRef.current?.focus();
      else return;
      // The key chose; it is not typed into the field that now has the focus.
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (participation.error instanceof ApiError && participation.error.status === 404) return <NotFoundPage />;
  const failed = [participation, period, instrument, answers, files, verifications].find((q) => q.error);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!participation.data || !period.data || !instrument.data || !answers.data || !loaded || !current) return <Loading />;
  const p = participation.data;
  const verifiedCount = questions.filter((q) => (queue.get(q.code)?.version ?? 0) > 0).length;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/beranda" size="sm">
          ← Daftar tugas
        </Anchor>
        <Title order={1}>Verifikasi: {p.publicBody.name}</Title>
        <Group gap="xs">
          <Badge variant="light" data-testid="status">
            {STATUS_LABELS[p.status]}
          </Badge>
          <Text size="sm" data-testid="desk-progress">
            Terverifikasi {verifiedCount} dari {questions.length} pertanyaan · batas verifikasi{' '}
            {formatDateTime(period.data.schedule.VERIFICATION?.closesAt ?? '', period.data.timezone)}
          </Text>
        </Group>
      </div>
      {readOnly && (
        <Alert className="ppid-alert" color="gray" variant="light" title="Hanya baca" data-testid="read-only">
          Verifikasi tidak dapat diubah pada tahap ini.
        </Alert>
      )}
      <div className="desk">
        <nav aria-label="Daftar pertanyaan" className="desk-nav">
          <ol className="desk-questions">
            {questions.map((q, i) => (
              <QuestionLink key={q.code} code={q.code} queue={queue} current={i === index} onOpen={() => go(i)} />
            ))}
          </ol>
        </nav>
        <div className="desk-main">
          <QuestionDesk
            key={current.code}
            question={current}
            answer={answerOf.get(current.code)}
            queue={queue}
            maxPoints={maxOf.current.get(current.code) ?? current.maxPoints}
            readOnly={readOnly}
            cardRef={cardRef}
            pointsRef={pointsRef}
            noteRef={noteRef}
            onDecide={(s) => decide(current.code, s)}
            position={`${index + 1} / ${questions.length}`}
            onPrev={index > 0 ? () => go(index - 1) : undefined}
            onNext={index < questions.length - 1 ? () => go(index + 1) : undefined}
          />
          <EvidencePane
            files={files.data?.items ?? []}
            slots={[index - 1, index, index + 1]
              .filter((i) => i >= 0 && i < questions.length)
              .map((i) => ({ code: questions[i].code, answer: answerOf.get(questions[i].code), current: i === index }))}
          />
        </div>
      </div>
      <Paper withBorder p="sm" component="section" aria-labelledby="pintasan">
        <Title order={2} size="h5" id="pintasan">
          Pintasan papan ketik
        </Title>
        <ul className="shortcuts">
          {SHORTCUTS.map(([k, what]) => (
            <li key={k}>
              <Kbd>{k}</Kbd> {what}
            </li>
          ))}
        </ul>
      </Paper>
      {!readOnly && <CompleteBar participationId={p.id} queue={queue} onOpen={(code) => go(questions.findIndex((q) => q.code === code))} />}
    </Stack>
  );
}

function QuestionLink({ code, queue, current, onOpen }: { code: string; queue: AutosaveQueue<VDraft>; current: boolean; onOpen: () => void }) {
  const e = useSyncExternalStore(queue.subscribe, () => queue.get(code));
  const done = (e?.version ?? 0) > 0 && (e?.state === 'idle' || e?.state === 'saved');
  const bad = e?.state === 'failed' || e?.state === 'conflict';
  return (
    <li>
      <a
        href={`?q=${encodeURIComponent(code)}`}
        aria-current={current ? 'step' : undefined}
        className="desk-question"
        data-tone={bad ? 'bad' : done ? 'ok' : 'none'}
        onClick={(ev) => {
          ev.preventDefault();
          onOpen();
        }}
      >
        {code}
        <span className="visually-hidden">{bad ? ' (gagal disimpan)' : done ? ' (terverifikasi)' : ' (belum diverifikasi)'}</span>
      </a>
    </li>
  );
}

interface DeskProps {
  question: Question;
  answer: Answer | undefined;
  queue: AutosaveQueue<VDraft>;
  maxPoints: string;
  readOnly: boolean;
  cardRef: React.RefObject<HTMLDivElement | null>;
  pointsRef: React.RefObject<HTMLInputElement | null>;
  noteRef: React.RefObject<HTMLTextAreaElement | null>;
  onDecide: (s: Decision) => void;
  position: string;
  onPrev?: () => void;
  onNext?: () => void;
}

function QuestionDesk({ question: q, answer, queue, maxPoints, readOnly, cardRef, pointsRef, noteRef, onDecide, position, onPrev, onNext }: DeskProps) {
  const entry = useSyncExternalStore(queue.subscribe, () => queue.get(q.code)) ?? { draft: EMPTY, version: 0, state: 'idle' as const };
  const { draft } = entry;
  const edit = (patch: Partial<VDraft>) => queue.edit(q.code, { ...draft, ...patch });
  const fieldErrors = entry.state === 'failed' && entry.error instanceof ApiError && entry.error.status === 400 ? entry.error.fieldErrors : [];
  const errorOf = (field: string) => {
    if (!fieldErrors.some((f) => f.field === field)) return undefined;
    if (field === 'points') return `Nilai harus antara 0 dan ${formatScore(maxPoints)} (nilai maksimal pertanyaan ini).`;
    if (field === 'note') return 'Catatan wajib diisi bila nilai mandiri tidak diterima apa adanya.';
    return `Isian ${field} tidak valid.`;
  };
  const stateText = entry.state === 'idle' && entry.version === 0 ? 'Belum diverifikasi' : STATE_TEXT[entry.state];
  const tone = entry.state === 'failed' || entry.state === 'conflict' ? 'bad' : entry.state === 'pending' || entry.state === 'saving' ? 'busy' : entry.version > 0 ? 'ok' : 'none';
  return (
    <>
      <Paper withBorder p="md" className="question" tabIndex={-1} ref={cardRef} data-testid="desk-question" data-code={q.code} aria-labelledby="desk-q-text">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Text fw={600} id="desk-q-text">
              {q.code}. {q.text}
            </Text>
            <span className="save-state" data-tone={tone} data-testid="save-state" data-state={entry.state} role="status" aria-live="polite">
              {stateText}
            </span>
          </Group>
          <Text size="sm">
            Jawaban badan publik: <strong data-testid="answer-value">{shownValue(q, answer?.value)}</strong>
          </Text>
          <Text size="sm">
            Nilai mandiri: <strong data-testid="self-points">{formatScore(answer?.selfPoints ?? null)}</strong> dari {formatScore(maxPoints)}
          </Text>
          {answer?.note && <Text size="sm">Keterangan badan publik: {answer.note}</Text>}
          <Radio.Group label="Keputusan" value={draft.status} onChange={(v) => onDecide(v as Decision)}>
            <Group gap="md" mt={4}>
              {(Object.keys(DECISION_LABELS) as Decision[]).map((d) => (
                <Radio key={d} value={d} label={DECISION_LABELS[d]} disabled={readOnly} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            ref={pointsRef}
            label={`Nilai verifikasi (0 sampai ${formatScore(maxPoints)})`}
            inputMode="decimal"
            value={draft.points}
            readOnly={readOnly || draft.status !== 'ADJUSTED'}
            onChange={(e) => edit({ points: e.currentTarget.value })}
            error={errorOf('points')}
            maw={240}
          />
          <Textarea
            ref={noteRef}
            label="Catatan verifikator"
            autosize
            minRows={2}
            value={draft.note}
            readOnly={readOnly}
            onChange={(e) => edit({ note: e.currentTarget.value })}
            error={errorOf('note')}
          />
          {entry.state === 'failed' && fieldErrors.length === 0 && (
            <Group gap="sm" role="alert">
              <Text size="sm" c="red.8">
                Gagal menyimpan: {saveErrorText(entry.error)}
              </Text>
              <RetryButton error={entry.error} onRetry={() => queue.retry(q.code)} />
            </Group>
          )}
          {entry.state === 'conflict' && (
            <Alert className="ppid-alert" color="orange" variant="light" title="Verifikasi ini diubah di tempat lain" role="alert" data-testid="conflict">
              <Stack gap="xs">
                <Text size="sm">
                  Keputusan Anda: <strong>{draft.status ? DECISION_LABELS[draft.status] : '–'}</strong>, nilai {draft.points || '–'}
                </Text>
                <Text size="sm">
                  Tersimpan di server (versi {entry.theirs?.version ?? 0}): <strong>{entry.theirs?.draft.status ? DECISION_LABELS[entry.theirs.draft.status] : '–'}</strong>, nilai{' '}
                  {entry.theirs?.draft.points || '–'}
                </Text>
                <Group gap="sm">
                  <Button size="compact-sm" onClick={() => queue.resolve(q.code, 'mine')}>
                    Pakai keputusan saya
                  </Button>
                  <Button size="compact-sm" variant="default" onClick={() => queue.resolve(q.code, 'theirs')}>
                    Pakai yang di server
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onPrev} disabled={!onPrev}>
              ← Sebelumnya
            </Button>
            <Text size="sm">{position}</Text>
            <Button variant="default" onClick={onNext} disabled={!onNext}>
              Berikutnya →
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}

/**
 * The evidence of the current question, with the previous and the next questions' PDFs already
 * loaded in standby frames (off-screen, inert): moving on only swaps which frames show, so the next
 * document is visible at once. Frames keep question order, so React never moves (and reloads) one.
 */
function EvidencePane({ slots, files }: { slots: { code: string; answer: Answer | undefined; current: boolean }[]; files: EvidenceFile[] }) {
  const nameOf = (id: string) => files.find((f) => f.id === id)?.fileName ?? `Berkas ${id}`;
  const current = slots.find((s) => s.current);
  const ids = current?.answer?.evidenceIds ?? [];
  return (
    <section className="desk-evidence" aria-labelledby="desk-evidence-title">
      <Title order={2} size="h4" id="desk-evidence-title">
        Data dukung
      </Title>
      {ids.length === 0 && !current?.answer?.url && <Text size="sm">Tidak ada data dukung pada jawaban ini.</Text>}
      {current?.answer?.url && <EvidenceLink url={current.answer.url} />}
      {slots.flatMap((s) =>
        (s.answer?.evidenceIds ?? []).map((eid) => (
          <div key={`${s.code}:${eid}`} className={s.current ? undefined : 'pdf-standby'} inert={!s.current} data-current={s.current}>
            <PdfFrame id={eid} title={nameOf(eid)} />
          </div>
        )),
      )}
    </section>
  );
}

function CompleteBar({ participationId, queue, onOpen }: { participationId: string; queue: AutosaveQueue<VDraft>; onOpen: (code: string) => void }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error || done) summary.current?.focus();
  }, [error, done]);
  const complete = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await queue.flush();
      await unwrap(api.POST('/participations/{id}/verification/complete', { params: { path: { id: participationId } } }));
      await qc.invalidateQueries({ queryKey: keys.all });
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const unverified: string[] = error instanceof ApiError && error.status === 422 ? (((error.body.details as { unverified?: string[] })?.unverified ?? []) as string[]) : [];
  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => void complete()} loading={busy}>
          Selesaikan verifikasi
        </Button>
        <Text size="sm" c="dimmed">
          Keputusan tersimpan otomatis. Selesaikan setelah semua pertanyaan diverifikasi.
        </Text>
      </Group>
      {done && (
        <Alert className="ppid-alert" color="green" variant="light" title="Verifikasi selesai" ref={summary} tabIndex={-1} data-testid="complete-done">
          Kuesioner badan publik ini berstatus Terverifikasi.
        </Alert>
      )}
      {error != null && (
        <Alert
          className="ppid-alert"
          color="red"
          variant="outline"
          role="alert"
          ref={summary}
          tabIndex={-1}
          data-testid="complete-error"
          title={unverified.length ? `Belum dapat diselesaikan: ${unverified.length} pertanyaan belum diverifikasi` : 'Verifikasi tidak dapat diselesaikan'}
        >
          {unverified.length > 0 ? (
            <List>
              {unverified.map((code) => (
                <List.Item key={code}>
                  <a
                    href={`?q=${encodeURIComponent(code)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(code);
                    }}
                  >
                    Pertanyaan {code} belum diverifikasi
                  </a>
                </List.Item>
              ))}
            </List>
          ) : (
            <Group gap="sm">
              <Text size="sm">{saveErrorText(error)}</Text>
              {error instanceof ApiError && error.retryable && <RetryButton error={error} onRetry={() => void complete()} />}
            </Group>
          )}
        </Alert>
      )}
    </Stack>
  );
}
