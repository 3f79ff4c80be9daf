import { Alert, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../api/client';
import type { Period, Stage } from '../api/types';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';
import { Loading } from '../ui/Loading';
import { usePageTitle } from '../ui/usePageTitle';
import { ErrorSummary, errorFor, formErrorsOf, refusalText, type FormError } from './forms';
import { PRECONDITION_TEXT, STAGE_LABELS } from './labels';
import { adminKeys } from './queries';
import { usePeriodFromRoute } from './usePeriodFromRoute';

const STAGE_ORDER = Object.keys(STAGE_LABELS) as Stage[];

interface Unmet {
  code: string;
  message: string;
}

/** The period's cycle as a timeline with its windows, and the move to a later stage. */
export default function StagesPage() {
  const period = usePeriodFromRoute();
  usePageTitle('Tahapan');
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Loading />;
  const p = period.data;
  return (
    <Stack gap="md">
      <Title order={1}>
        Tahapan {p.name} {p.year}
      </Title>
      <Timeline period={p} />
      {p.stage !== 'ARCHIVED' && <Advance key={p.version} period={p} />}
    </Stack>
  );
}

function Timeline({ period: p }: { period: Period }) {
  const current = STAGE_ORDER.indexOf(p.stage);
  const skipsVisitation = Number(p.weights.visitation) === 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="linimasa">
      <Title order={2} size="h3" id="linimasa" mb="sm">
        Linimasa
      </Title>
      <ol className="stage-timeline" data-testid="stage-timeline">
        {STAGE_ORDER.map((s, i) => {
          const w = p.schedule[s as keyof Period['schedule']];
          const state = i < current ? 'done' : i === current ? 'current' : 'next';
          return (
            <li key={s} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <Group gap="xs" wrap="wrap">
                <Text fw={state === 'current' ? 700 : 500}>{STAGE_LABELS[s]}</Text>
                {state === 'current' && (
                  <Badge color="blue" variant="filled">
                    Tahap saat ini
                  </Badge>
                )}
                {state === 'done' && (
                  <Badge color="gray.8" variant="outline">
                    Selesai
                  </Badge>
                )}
                {s === 'VISITATION' && skipsVisitation && (
                  <Badge color="gray.8" variant="outline">
                    Tidak dipakai
                  </Badge>
                )}
              </Group>
              {w && (
                <Text size="sm" c="dimmed">
                  {formatDateTime(w.opensAt, p.timezone)} – {formatDateTime(w.closesAt, p.timezone)}
                </Text>
              )}
            </li>
          );
        })}
      </ol>
    </Paper>
  );
}

/** The stage after the current one in the cycle's order (visitation left out when it weighs nothing); the API decides whether the move is allowed. */
function nextStage(p: Period): Stage | null {
  const later = STAGE_ORDER.slice(STAGE_ORDER.indexOf(p.stage) + 1).filter((s) => !(s === 'VISITATION' && Number(p.weights.visitation) === 0));
  return later[0] ?? null;
}

function Advance({ period: p }: { period: Period }) {
  const qc = useQueryClient();
  const [to, setTo] = useState<Stage | null>(nextStage(p));
  const [unmet, setUnmet] = useState<Unmet[] | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const later = STAGE_ORDER.slice(STAGE_ORDER.indexOf(p.stage) + 1);
  const move = async (force: boolean) => {
    if (!to) return;
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    try {
      const updated = await unwrap(
        api.POST('/periods/{id}/advance', { params: { path: { id: p.id } }, body: force ? { to, force: true, ...(reason.trim() ? { reason: reason.trim() } : {}) } : { to } }),
      );
      qc.setQueryData(adminKeys.period(p.id), updated);
      await qc.invalidateQueries({ queryKey: adminKeys.periods });
      await qc.invalidateQueries({ queryKey: adminKeys.audit });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.body.code === 'PERIOD_PRECONDITIONS_UNMET') {
        setUnmet(((err.body.details as { unmet?: Unmet[] })?.unmet ?? []) as Unmet[]);
      } else {
        const fe = formErrorsOf(err, { reason: { label: 'Alasan pemaksaan', target: 'force-reason' }, to: { label: 'Tahap tujuan', target: 'advance-to' } });
        setErrors(fe);
        if (!fe.length)
          setRefusal(err instanceof ApiError && err.status === 409 ? 'Perpindahan ini tidak diizinkan: tahap tidak boleh mundur atau melompati tahap lain.' : refusalText(err));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pindah-tahap">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pindah-tahap">
          Pindah tahap
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void move(false);
          }}
          noValidate
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              id="advance-to"
              label="Tahap tujuan"
              data={later.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
              value={to}
              onChange={(v) => {
                setTo(v as Stage | null);
                setUnmet(null);
              }}
              allowDeselect={false}
            />
            <Button type="submit" loading={busy && !unmet} disabled={!to}>
              {to ? `Lanjutkan ke ${STAGE_LABELS[to]}` : 'Lanjutkan'}
            </Button>
          </Group>
        </form>
        {refusal && (
          <Alert color="red" variant="outline" role="alert">
            {refusal}
          </Alert>
        )}
        {unmet && (
          <Stack gap="sm" data-testid="unmet">
            <Alert color="orange" variant="outline" role="alert" title="Syarat perpindahan belum terpenuhi">
              <List spacing={2}>
                {unmet.map((u) => {
                  const n = /^(\d+)/.exec(u.message);
                  return <List.Item key={u.code}>{(PRECONDITION_TEXT[u.code] ?? (() => u.code))(n ? Number(n[1]) : null)}</List.Item>;
                })}
              </List>
            </Alert>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void move(true);
              }}
              noValidate
              aria-label="Paksa pindah tahap"
            >
              <Stack gap="xs">
                <ErrorSummary errors={errors} />
                <Textarea
                  id="force-reason"
                  label="Alasan memaksa pindah tahap"
                  description="Wajib; dicatat di log audit bersama syarat yang dilewati."
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errorFor(errors, 'reason')}
                  autosize
                  minRows={2}
                />
                <Group>
                  <Button type="submit" color="red.8" loading={busy}>
                    Paksa lanjut ke {to ? STAGE_LABELS[to] : ''}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
