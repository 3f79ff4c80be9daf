import { Alert, Anchor, Button, Checkbox, Group, List, Modal, NumberInput, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime, formatScore } from '../ui/format';
import { Loading } from '../ui/Loading';
import { shownValue } from '../ui/answer-text';
import { useLeaveWarning } from '../ui/useLeaveWarning';
import { usePageTitle } from '../ui/usePageTitle';
import { AutosaveQueue, hasValue, type Draft, type Entry } from './autosave';
import { EvidenceField } from './EvidenceField';
import { keys, useAnswers, useEvidenceFiles, useInstrument, useParticipation, usePeriod } from './queries';
import type { Answer, EvidenceFile, MissingItem, Participation, Question, SaveAnswer } from '../api/types';
import { closedText, fieldErrorsOf, RetryButton, saveErrorText } from '../ui/widgets';

const EMPTY: Draft = { value: undefined, evidenceIds: [], url: '' };
const toDraft = (a: Answer | undefined): Draft => (a ? { value: a.value, evidenceIds: a.evidenceIds, url: a.url ?? '' } : EMPTY);

/** The body of a PUT for the question's evidence kind: only the evidence it takes. */
function answerBody(q: Question, d: Draft, version: number): SaveAnswer {
  const takesFile = q.evidence === 'FILE' || q.evidence === 'FILE_OR_URL';
  const takesUrl = q.evidence === 'URL' || q.evidence === 'FILE_OR_URL';
  // The queue sends only a draft with a value (autosave.ts hasValue); its inputs give the type's kinds.
  return {
    value: d.value as SaveAnswer['value'],
    evidenceIds: takesFile && d.evidenceIds.length ? d.evidenceIds : undefined,
    url: takesUrl && d.url.trim() ? d.url.trim() : undefined,
    version,
  };
}

export default function QuestionnairePage() {
  const { id = '' } = useParams();
  usePageTitle('Kuesioner');
  const qc = useQueryClient();
  const participation = useParticipation(id);
  const period = usePeriod(participation.data?.periodId);
  const instrument = useInstrument(participation.data?.periodId, participation.data?.categoryCode);
  const answers = useAnswers(id);
  const files = useEvidenceFiles(id);

  const questions = useMemo(() => new Map((instrument.data?.aspects ?? []).flatMap((a) => a.questions).map((q) => [q.code, q])), [instrument.data]);
  const questionsRef = useRef(questions);
  questionsRef.current = questions;

  const queue = useMemo(
    () =>
      new AutosaveQueue({
        storageKey: `monev-draft:${id}`,
        storage: typeof localStorage === 'undefined' ? undefined : localStorage,
        isConflict: (e) => e instanceof ApiError && e.status === 409,
        save: async (code, draft, version) => {
          const q = questionsRef.current.get(code)!;
          const saved = await unwrap(api.PUT('/participations/{id}/answers/{questionCode}', { params: { path: { id, questionCode: code } }, body: answerBody(q, draft, version) }));
          void qc.invalidateQueries({ queryKey: keys.participation(id) });
          return saved;
        },
        loadCurrent: async (code) => {
          const list = await unwrap(api.GET('/participations/{id}/answers', { params: { path: { id } } }));
          const a = list.items.find((x) => x.questionCode === code);
          return a ? { draft: toDraft(a), version: a.version } : { draft: EMPTY, version: 0 };
        },
      }),
    [id, qc],
  );
  useEffect(() => () => queue.dispose(), [queue]);

  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (loaded || !answers.data || !instrument.data) return;
    const byCode = new Map(answers.data.items.map((a) => [a.questionCode, a]));
    for (const code of questions.keys()) {
      const a = byCode.get(code);
      queue.load(code, { draft: toDraft(a), version: a?.version ?? 0 });
    }
    setLoaded(true);
  }, [answers.data, instrument.data, loaded, queue, questions]);

  useLeaveWarning(queue);

  const failed = [participation, instrument, answers, files, period].find((q) => q.error);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!participation.data || !instrument.data || !period.data || !loaded) return <Loading />;
  const p = participation.data;
  const readOnly = !p.writable;
  const progressOf = new Map(p.progressByAspect.map((a) => [a.aspectCode, a]));

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/beranda" size="sm">
          ← Beranda
        </Anchor>
        <Title order={1}>
          Kuesioner {period.data.name} {p.periodYear}
        </Title>
        <Text>{p.publicBody.name}</Text>
        <Text size="sm" data-testid="overall-progress">
          Terjawab {p.progress.answered} dari {p.progress.total} pertanyaan{p.progress.missingEvidence ? ` · ${p.progress.missingEvidence} belum ada data dukung` : ''}
          {p.deadline ? ` · batas waktu ${formatDateTime(p.deadline, period.data.timezone)}` : ''}
        </Text>
      </div>
      {readOnly && (
        <Alert className="ppid-alert" color="gray" variant="light" title="Hanya baca" data-testid="read-only">
          {p.submittedAt
            ? `Kuesioner telah dikirim pada ${formatDateTime(p.submittedAt, period.data.timezone)}. Jawaban tidak dapat diubah lagi.`
            : 'Kuesioner tidak dapat diubah pada tahap ini.'}
        </Alert>
      )}
      {!readOnly && <SubmitBar participation={p} queue={queue} />}
      {instrument.data.aspects.map((aspect) => {
        const ap = progressOf.get(aspect.code);
        return (
          <section key={aspect.code} aria-labelledby={`aspek-${aspect.code}`}>
            <Title order={2} id={`aspek-${aspect.code}`} size="h3">
              {aspect.code}. {aspect.title}
            </Title>
            {ap && (
              <Text size="sm" c="dimmed" mb="sm" data-testid={`aspect-progress-${aspect.code}`}>
                Terjawab {ap.answered} dari {ap.total}
                {ap.missingEvidence ? ` · ${ap.missingEvidence} belum ada data dukung` : ' · data dukung lengkap'}
              </Text>
            )}
            <Stack gap="md">
              {aspect.questions.map((q) => (
                <QuestionCard key={q.code} question={q} queue={queue} participation={p} files={files.data?.items ?? []} readOnly={readOnly} />
              ))}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}

/** Whether a gap of the submit refusal is filled now: its answer (and, for evidence, a file or a link) saved on the server. */
function gapFilled(entry: Entry | undefined, gap: MissingItem['missing']): boolean {
  if (!entry || entry.version === 0 || (entry.state !== 'saved' && entry.state !== 'idle')) return false;
  return gap === 'ANSWER' ? hasValue(entry.draft) : entry.draft.evidenceIds.length > 0 || entry.draft.url.trim() !== '';
}

function SubmitBar({ participation, queue }: { participation: Participation; queue: AutosaveQueue }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await queue.flush();
      await unwrap(api.POST('/participations/{id}/submit', { params: { path: { id: participation.id } } }));
      await qc.invalidateQueries({ queryKey: ['ppid'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  const missing: MissingItem[] = error instanceof ApiError && error.status === 422 ? (((error.body.details as { missing?: MissingItem[] })?.missing ?? []) as MissingItem[]) : [];
  // The refusal's list follows the page: a gap leaves it once its answer or evidence is saved.
  const [, queueChanged] = useReducer((n: number) => n + 1, 0);
  useEffect(() => queue.subscribe(queueChanged), [queue]);
  const stillMissing = missing.filter((m) => !gapFilled(queue.get(m.questionCode), m.missing));
  const goTo = (code: string) => {
    const el = document.getElementById(`q-${code}`);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    (el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select') ?? el).focus();
  };

  return (
    <>
      <Group>
        <Button onClick={() => setOpen(true)} loading={busy}>
          Kirim kuesioner
        </Button>
        <Text size="sm" c="dimmed">
          Jawaban tersimpan otomatis. Kirim sekali setelah semua pertanyaan terjawab.
        </Text>
      </Group>
      {error != null && missing.length > 0 && stillMissing.length === 0 && (
        <Alert className="ppid-alert" color="teal" variant="outline" title="Kekurangan sudah dilengkapi" data-testid="submit-gaps-filled">
          Semua pertanyaan yang tadi kurang sudah tersimpan. Kirim kuesioner lagi.
        </Alert>
      )}
      {error != null && (missing.length === 0 || stillMissing.length > 0) && (
        <Alert
          className="ppid-alert"
          color="red"
          variant="outline"
          title={missing.length ? `Kuesioner belum lengkap: ${stillMissing.length} pertanyaan perlu dilengkapi` : 'Kuesioner tidak dapat dikirim'}
          role="alert"
          ref={summary}
          tabIndex={-1}
          data-testid="submit-error"
        >
          {missing.length > 0 ? (
            <List>
              {stillMissing.map((m) => (
                <List.Item key={m.questionCode}>
                  <a
                    href={`#q-${m.questionCode}`}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(m.questionCode);
                    }}
                  >
                    Pertanyaan {m.questionCode}: {m.missing === 'ANSWER' ? 'belum dijawab' : 'data dukung belum dilampirkan'}
                  </a>
                </List.Item>
              ))}
            </List>
          ) : (
            <Group gap="sm">
              <Text size="sm">{error instanceof ApiError && error.status === 422 ? closedText(error) : saveErrorText(error)}</Text>
              {error instanceof ApiError && error.retryable && <RetryButton error={error} onRetry={() => void submit()} />}
            </Group>
          )}
        </Alert>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Kirim kuesioner?" centered>
        <Stack>
          <Text>
            Terjawab {participation.progress.answered} dari {participation.progress.total} pertanyaan. Setelah dikirim, jawaban dan data dukung tidak dapat diubah lagi.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Batal
            </Button>
            <Button onClick={() => void submit()} loading={busy}>
              Ya, kirim
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

const STATE_TEXT: Record<Entry['state'], string> = {
  idle: 'Tersimpan',
  saved: 'Tersimpan',
  pending: 'Menyimpan…',
  saving: 'Menyimpan…',
  incomplete: 'Belum dijawab',
  failed: 'Gagal menyimpan',
  conflict: 'Diubah di tempat lain',
};

function QuestionCard({
  question: q,
  queue,
  participation,
  files,
  readOnly,
}: {
  question: Question;
  queue: AutosaveQueue;
  participation: Participation;
  files: EvidenceFile[];
  readOnly: boolean;
}) {
  const entry = useSyncExternalStore(queue.subscribe, () => queue.get(q.code)) ?? { draft: EMPTY, version: 0, state: 'idle' as const };
  const { draft } = entry;
  const edit = (patch: Partial<Draft>) => queue.edit(q.code, { ...draft, ...patch });
  const errors = entry.state === 'failed' ? fieldErrorsOf(entry.error) : {};
  const label = `${q.code} ${q.text}`;
  const stateText = entry.state === 'idle' && entry.version === 0 ? 'Belum dijawab' : STATE_TEXT[entry.state];
  const tone = entry.state === 'failed' || entry.state === 'conflict' ? 'bad' : entry.state === 'pending' || entry.state === 'saving' ? 'busy' : entry.version > 0 ? 'ok' : 'none';

  return (
    <Paper withBorder p="md" id={`q-${q.code}`} tabIndex={-1} className="question" data-testid="question" data-code={q.code}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} id={`q-${q.code}-text`}>
            {q.code}. {q.text}
            {!q.required && (
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                (tidak wajib)
              </Text>
            )}
          </Text>
          <span className="save-state" data-tone={tone} data-testid="save-state" data-state={entry.state} role="status" aria-live="polite">
            {stateText}
          </span>
        </Group>
        <Text size="xs" c="dimmed">
          Nilai maksimal {formatScore(q.maxPoints)}
        </Text>
        <ValueControl question={q} value={draft.value} label={label} readOnly={readOnly} error={errors.value} onChange={(value) => edit({ value })} />
        <EvidenceField
          participationId={participation.id}
          questionCode={q.code}
          kind={q.evidence}
          evidenceIds={draft.evidenceIds}
          url={draft.url}
          files={files}
          maxBytes={participation.evidenceMaxBytes}
          readOnly={readOnly}
          errors={errors}
          onChange={(ev) => edit(ev)}
        />
        {entry.state === 'failed' && (
          <Group gap="sm" role="alert">
            <Text size="sm" c="red.8">
              Gagal menyimpan: {entry.error instanceof ApiError && entry.error.status === 422 ? closedText(entry.error) : saveErrorText(entry.error)}
            </Text>
            <RetryButton error={entry.error} onRetry={() => queue.retry(q.code)} />
          </Group>
        )}
        {entry.state === 'conflict' && (
          <Alert className="ppid-alert" color="orange" variant="light" title="Jawaban ini diubah di tempat lain" role="alert" data-testid="conflict">
            <Stack gap="xs">
              <Text size="sm">
                Jawaban Anda: <strong data-testid="conflict-mine">{shownValue(q, draft.value)}</strong>
              </Text>
              <Text size="sm">
                Jawaban yang tersimpan di server (versi {entry.theirs?.version ?? 0}): <strong data-testid="conflict-theirs">{shownValue(q, entry.theirs?.draft.value)}</strong>
              </Text>
              <Group gap="sm">
                <Button size="compact-sm" onClick={() => queue.resolve(q.code, 'mine')}>
                  Pakai jawaban saya
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => queue.resolve(q.code, 'theirs')}>
                  Pakai jawaban di server
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ValueControl({
  question: q,
  value,
  label,
  readOnly,
  error,
  onChange,
}: {
  question: Question;
  value: unknown;
  label: string;
  readOnly: boolean;
  error?: string;
  onChange: (v: unknown) => void;
}) {
  switch (q.type) {
    case 'YES_NO':
      return (
        <Radio.Group
          label="Jawaban"
          aria-label={`Jawaban ${label}`}
          value={value === true ? 'ya' : value === false ? 'tidak' : null}
          onChange={(v) => onChange(v === 'ya')}
          error={error}
        >
          <Group gap="lg" mt={4}>
            <Radio value="ya" label="Ya" disabled={readOnly} />
            <Radio value="tidak" label="Tidak" disabled={readOnly} />
          </Group>
        </Radio.Group>
      );
    case 'CHOICE':
      return (
        <Radio.Group label="Pilih satu" aria-label={`Jawaban ${label}`} value={typeof value === 'string' ? value : null} onChange={onChange} error={error}>
          <Stack gap={6} mt={4}>
            {q.options?.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} disabled={readOnly} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'MULTI_CHOICE':
      return (
        <Checkbox.Group label="Pilih semua yang sesuai" aria-label={`Jawaban ${label}`} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} error={error}>
          <Stack gap={6} mt={4}>
            {q.options?.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} disabled={readOnly} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'NUMBER':
      return (
        <NumberInput
          label={`Jawaban (angka) untuk ${q.code}`}
          value={typeof value === 'number' ? value : ''}
          onChange={(n) => onChange(typeof n === 'number' ? n : '')}
          readOnly={readOnly}
          error={error}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          maw={240}
        />
      );
    case 'TEXT':
      return (
        <Textarea
          label={`Jawaban untuk ${q.code}`}
          autosize
          minRows={3}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          readOnly={readOnly}
          error={error}
        />
      );
  }
}
