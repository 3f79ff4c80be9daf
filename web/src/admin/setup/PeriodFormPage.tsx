import { ActionIcon, Alert, Button, Fieldset, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import type { CreatePeriod, Period } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { zoneLabel } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorSummary, errorFor, formErrorsOf, refusalText, type FormError } from '../forms';
import { STAGE_LABELS } from '../labels';
import { adminKeys } from '../queries';
import { usePeriodFromRoute } from '../usePeriodFromRoute';
import { instantToWall, wallToInstant } from '../zoned';

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
const WINDOW_STAGES = ['SAQ', 'VERIFICATION', 'OBJECTION', 'VISITATION', 'PRESENTATION'] as const;
type WindowStage = (typeof WINDOW_STAGES)[number];

interface Row {
  code: string;
  label: string;
  value: string;
}

interface FormState {
  year: string;
  name: string;
  timezone: string;
  weights: { saq: string; visitation: string; presentation: string };
  finalistType: 'THRESHOLD' | 'TOP_N';
  finalistValue: string;
  bands: Row[];
  rubric: Row[];
  schedule: Record<WindowStage, { opensAt: string; closesAt: string }>;
}

/** A number as typed in Indonesia (`87,5`) as the API reads it (`87.5`); the API checks it. */
const decimal = (s: string): string => s.trim().replace(',', '.');

function emptyForm(): FormState {
  return {
    year: String(new Date().getFullYear()),
    name: 'Monitoring dan Evaluasi Keterbukaan Informasi Publik',
    timezone: 'Asia/Jakarta',
    weights: { saq: '', visitation: '0', presentation: '' },
    finalistType: 'THRESHOLD',
    finalistValue: '',
    bands: [],
    rubric: [],
    schedule: Object.fromEntries(WINDOW_STAGES.map((s) => [s, { opensAt: '', closesAt: '' }])) as FormState['schedule'],
  };
}

function formOf(p: Period): FormState {
  const comma = (s: string) => s.replace('.', ',');
  return {
    year: String(p.year),
    name: p.name,
    timezone: p.timezone,
    weights: { saq: comma(p.weights.saq), visitation: comma(p.weights.visitation), presentation: comma(p.weights.presentation) },
    finalistType: p.finalistRule.type,
    finalistValue: comma(String(p.finalistRule.value)),
    bands: p.bands.map((b) => ({ code: b.code, label: b.label, value: comma(b.min) })),
    rubric: p.presentationRubric.map((r) => ({ code: r.code, label: r.title, value: comma(r.weight) })),
    schedule: Object.fromEntries(
      WINDOW_STAGES.map((s) => {
        const w = p.schedule[s];
        return [s, { opensAt: w ? instantToWall(w.opensAt, p.timezone) : '', closesAt: w ? instantToWall(w.closesAt, p.timezone) : '' }];
      }),
    ) as FormState['schedule'],
  };
}

function scheduleBody(f: FormState) {
  const out: Record<string, { opensAt: string; closesAt: string }> = {};
  for (const s of WINDOW_STAGES) {
    const w = f.schedule[s];
    // An optional window left blank is left out; a half-filled one goes to the API, which names the missing field.
    if (!w.opensAt && !w.closesAt && s === 'VISITATION') continue;
    out[s] = { opensAt: wallToInstant(w.opensAt, f.timezone), closesAt: wallToInstant(w.closesAt, f.timezone) };
  }
  return out;
}

function scoringBody(f: FormState) {
  return {
    weights: { saq: decimal(f.weights.saq), visitation: decimal(f.weights.visitation || '0'), presentation: decimal(f.weights.presentation) },
    finalistRule: { type: f.finalistType, value: decimal(f.finalistValue) },
    ...(f.bands.length ? { bands: f.bands.map((b) => ({ code: b.code.trim(), label: b.label.trim(), min: decimal(b.value) })) } : {}),
    ...(f.rubric.length ? { presentationRubric: f.rubric.map((r) => ({ code: r.code.trim(), title: r.label.trim(), weight: decimal(r.value) })) } : {}),
  };
}

/** The labels and control ids of every field path the API may name. */
function fieldLabels(f: FormState): Record<string, { label: string; target: string }> {
  const m: Record<string, { label: string; target: string }> = {
    year: { label: 'Tahun', target: 'period-year' },
    name: { label: 'Nama periode', target: 'period-name' },
    timezone: { label: 'Zona waktu', target: 'period-timezone' },
    weights: { label: 'Bobot', target: 'weight-saq' },
    'weights.saq': { label: 'Bobot SAQ', target: 'weight-saq' },
    'weights.visitation': { label: 'Bobot visitasi', target: 'weight-visitation' },
    'weights.presentation': { label: 'Bobot presentasi', target: 'weight-presentation' },
    finalistRule: { label: 'Aturan finalis', target: 'finalist-type' },
    'finalistRule.type': { label: 'Jenis aturan finalis', target: 'finalist-type' },
    'finalistRule.value': { label: 'Nilai aturan finalis', target: 'finalist-value' },
    bands: { label: 'Pita kualifikasi', target: 'bands-add' },
    presentationRubric: { label: 'Rubrik presentasi', target: 'rubric-add' },
    schedule: { label: 'Jadwal', target: 'schedule-SAQ-opensAt' },
  };
  f.bands.forEach((_, i) => {
    for (const [k, l] of [
      ['code', 'kode'],
      ['label', 'nama'],
      ['min', 'batas bawah'],
    ])
      m[`bands.${i}.${k}`] = { label: `Pita ${i + 1}, ${l}`, target: `band-${i}-${k}` };
    m[`bands.${i}`] = { label: `Pita ${i + 1}`, target: `band-${i}-code` };
  });
  f.rubric.forEach((_, i) => {
    for (const [k, l] of [
      ['code', 'kode'],
      ['title', 'kriteria'],
      ['weight', 'bobot'],
    ])
      m[`presentationRubric.${i}.${k}`] = { label: `Kriteria ${i + 1}, ${l}`, target: `rubric-${i}-${k}` };
    m[`presentationRubric.${i}`] = { label: `Kriteria ${i + 1}`, target: `rubric-${i}-code` };
  });
  for (const s of WINDOW_STAGES) {
    m[`schedule.${s}`] = { label: `Jadwal ${STAGE_LABELS[s]}`, target: `schedule-${s}-opensAt` };
    m[`schedule.${s}.opensAt`] = { label: `Jadwal ${STAGE_LABELS[s]}, mulai`, target: `schedule-${s}-opensAt` };
    m[`schedule.${s}.closesAt`] = { label: `Jadwal ${STAGE_LABELS[s]}, selesai`, target: `schedule-${s}-closesAt` };
  }
  return m;
}

/** /beranda/periode-baru */
export function NewPeriodPage() {
  usePageTitle('Periode baru');
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <Stack gap="md">
      <Title order={1}>Periode baru</Title>
      <PeriodForm
        initial={emptyForm()}
        submitLabel="Buat periode"
        onSubmit={async (f) => {
          const body: CreatePeriod = { year: Number(f.year), name: f.name.trim(), timezone: f.timezone, schedule: scheduleBody(f), ...scoringBody(f) } as never;
          const p = await unwrap(api.POST('/periods', { body }));
          await qc.invalidateQueries({ queryKey: adminKeys.periods });
          navigate(`/beranda/periode/${p.id}/instrumen`);
        }}
      />
    </Stack>
  );
}

/** /beranda/periode/:periodId/pengaturan */
export function PeriodSettingsPage() {
  const period = usePeriodFromRoute();
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  usePageTitle('Pengaturan periode');
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Loading />;
  const p = period.data;
  return (
    <Stack gap="md">
      <Title order={1}>
        Pengaturan periode {p.name} {p.year}
      </Title>
      {p.scoringLocked && (
        <Alert color="gray" variant="outline" title="Pengaturan penilaian terkunci">
          Bobot, pita, aturan finalis dan rubrik tidak dapat diubah lagi sejak pemeringkatan pertama. Nama dan jadwal masih dapat diubah.
        </Alert>
      )}
      {saved && (
        <Alert color="teal" variant="outline" role="status" data-testid="period-saved">
          Pengaturan periode disimpan.
        </Alert>
      )}
      <PeriodForm
        key={p.version}
        initial={formOf(p)}
        existing={p}
        submitLabel="Simpan pengaturan"
        onSubmit={async (f) => {
          setSaved(false);
          const body = { version: p.version, name: f.name.trim(), schedule: scheduleBody(f), ...(p.scoringLocked ? {} : scoringBody(f)) };
          const updated = await unwrap(api.PATCH('/periods/{id}', { params: { path: { id: p.id } }, body: body as never }));
          qc.setQueryData(adminKeys.period(p.id), updated);
          await qc.invalidateQueries({ queryKey: adminKeys.periods });
          setSaved(true);
        }}
        onReload={() => void period.refetch()}
      />
    </Stack>
  );
}

function RowsEditor({
  legend,
  idPrefix,
  rows,
  onChange,
  names,
  hint,
  disabled,
  errors,
  fieldPrefix,
  keys,
}: {
  legend: string;
  idPrefix: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  names: [string, string, string];
  hint: string;
  disabled: boolean;
  errors: FormError[];
  fieldPrefix: string;
  keys: [string, string, string];
}) {
  const set = (i: number, k: keyof Row, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <Fieldset legend={legend} disabled={disabled}>
      <Stack gap="xs">
        <Text size="sm">{hint}</Text>
        {errorFor(errors, fieldPrefix) && (
          <Text size="sm" c="red.8">
            {errorFor(errors, fieldPrefix)}
          </Text>
        )}
        {rows.map((r, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              id={`${idPrefix}-${i}-${keys[0]}`}
              label={`${names[0]} ${i + 1}`}
              value={r.code}
              onChange={(e) => set(i, 'code', e.currentTarget.value)}
              error={errorFor(errors, `${fieldPrefix}.${i}.${keys[0]}`)}
              w={170}
            />
            <TextInput
              id={`${idPrefix}-${i}-${keys[1]}`}
              label={`${names[1]} ${i + 1}`}
              value={r.label}
              onChange={(e) => set(i, 'label', e.currentTarget.value)}
              error={errorFor(errors, `${fieldPrefix}.${i}.${keys[1]}`)}
              style={{ flex: 1, minWidth: 160 }}
            />
            <TextInput
              id={`${idPrefix}-${i}-${keys[2]}`}
              label={`${names[2]} ${i + 1}`}
              value={r.value}
              onChange={(e) => set(i, 'value', e.currentTarget.value)}
              error={errorFor(errors, `${fieldPrefix}.${i}.${keys[2]}`)}
              w={110}
              inputMode="decimal"
            />
            <ActionIcon variant="outline" color="red.8" size="lg" aria-label={`Hapus baris ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} mb={4}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button id={`${idPrefix}-add`} variant="outline" size="xs" onClick={() => onChange([...rows, { code: '', label: '', value: '' }])}>
            Tambah baris
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function PeriodForm({
  initial,
  existing,
  submitLabel,
  onSubmit,
  onReload,
}: {
  initial: FormState;
  existing?: Period;
  submitLabel: string;
  onSubmit: (f: FormState) => Promise<void>;
  onReload?: () => void;
}) {
  const [f, setF] = useState<FormState>(initial);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refusal, setRefusal] = useState<{ text: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = !!existing?.scoringLocked;
  const labels = useMemo(() => fieldLabels(f), [f]);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const setWindow = (s: WindowStage, k: 'opensAt' | 'closesAt', v: string) => setF((x) => ({ ...x, schedule: { ...x.schedule, [s]: { ...x.schedule[s], [k]: v } } }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    try {
      await onSubmit(f);
    } catch (err) {
      const fe = formErrorsOf(err, labels);
      setErrors(fe);
      if (!fe.length) {
        const taken = err instanceof ApiError && err.status === 409 && err.body.code === 'PERIOD_YEAR_TAKEN';
        const stale = err instanceof ApiError && err.status === 409 && !taken;
        setRefusal({ text: taken ? 'Sudah ada periode untuk tahun ini.' : stale ? 'Pengaturan ini diubah di tempat lain sejak Anda membukanya.' : refusalText(err), stale });
      }
    } finally {
      setBusy(false);
    }
  };
  const zone = zoneLabel(f.timezone);
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Pengaturan periode">
        <Stack gap="md">
          <ErrorSummary errors={errors} />
          {refusal && (
            <Alert color="red" variant="outline" role="alert" data-testid="period-refusal">
              <Stack gap="xs">
                <Text>{refusal.text}</Text>
                {refusal.stale && onReload && (
                  <Group>
                    <Button size="xs" variant="outline" onClick={onReload}>
                      Muat versi terbaru (perubahan Anda dibuang)
                    </Button>
                  </Group>
                )}
              </Stack>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              id="period-year"
              label="Tahun"
              inputMode="numeric"
              value={f.year}
              onChange={(e) => set('year', e.currentTarget.value)}
              error={errorFor(errors, 'year')}
              disabled={!!existing}
            />
            <Select
              id="period-timezone"
              label="Zona waktu"
              data={[...new Set([...ZONES, f.timezone])].map((z) => ({ value: z, label: `${zoneLabel(z)} (${z})` }))}
              value={f.timezone}
              onChange={(v) => v && set('timezone', v)}
              allowDeselect={false}
              disabled={!!existing}
              error={errorFor(errors, 'timezone')}
            />
          </SimpleGrid>
          <TextInput id="period-name" label="Nama periode" value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorFor(errors, 'name')} />
          <Fieldset legend="Bobot nilai akhir (jumlahnya 100)" disabled={locked}>
            {errorFor(errors, 'weights') && (
              <Text size="sm" c="red.8" mb="xs" data-testid="weights-error">
                {errorFor(errors, 'weights')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                id="weight-saq"
                label="SAQ"
                inputMode="decimal"
                value={f.weights.saq}
                onChange={(e) => set('weights', { ...f.weights, saq: e.currentTarget.value })}
                error={errorFor(errors, 'weights.saq')}
              />
              <TextInput
                id="weight-visitation"
                label="Visitasi (0: tanpa visitasi)"
                inputMode="decimal"
                value={f.weights.visitation}
                onChange={(e) => set('weights', { ...f.weights, visitation: e.currentTarget.value })}
                error={errorFor(errors, 'weights.visitation')}
              />
              <TextInput
                id="weight-presentation"
                label="Presentasi"
                inputMode="decimal"
                value={f.weights.presentation}
                onChange={(e) => set('weights', { ...f.weights, presentation: e.currentTarget.value })}
                error={errorFor(errors, 'weights.presentation')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Aturan finalis" disabled={locked}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                id="finalist-type"
                label="Jenis"
                data={[
                  { value: 'THRESHOLD', label: 'Nilai SAQ paling sedikit' },
                  { value: 'TOP_N', label: 'N terbaik per kategori' },
                ]}
                value={f.finalistType}
                onChange={(v) => v && set('finalistType', v as FormState['finalistType'])}
                allowDeselect={false}
                error={errorFor(errors, 'finalistRule.type') ?? errorFor(errors, 'finalistRule')}
              />
              <TextInput
                id="finalist-value"
                label={f.finalistType === 'TOP_N' ? 'Jumlah per kategori' : 'Nilai SAQ minimal'}
                inputMode="decimal"
                value={f.finalistValue}
                onChange={(e) => set('finalistValue', e.currentTarget.value)}
                error={errorFor(errors, 'finalistRule.value')}
              />
            </SimpleGrid>
          </Fieldset>
          <RowsEditor
            legend="Pita kualifikasi"
            idPrefix="band"
            rows={f.bands}
            onChange={(rows) => set('bands', rows)}
            names={['Kode pita', 'Nama pita', 'Batas bawah']}
            keys={['code', 'label', 'min']}
            hint="Kosongkan untuk memakai pita bawaan Perki 1/2022 (Informatif 90, Menuju Informatif 80, Cukup Informatif 60, Kurang Informatif 40, Tidak Informatif 0)."
            disabled={locked}
            errors={errors}
            fieldPrefix="bands"
          />
          <RowsEditor
            legend="Rubrik presentasi"
            idPrefix="rubric"
            rows={f.rubric}
            onChange={(rows) => set('rubric', rows)}
            names={['Kode kriteria', 'Kriteria', 'Bobot']}
            keys={['code', 'title', 'weight']}
            hint="Kosongkan untuk satu kriteria keseluruhan berbobot 100. Bobot kriteria berjumlah 100."
            disabled={locked}
            errors={errors}
            fieldPrefix="presentationRubric"
          />
          <Fieldset legend={`Jadwal (waktu ${zone})`}>
            <Stack gap="sm">
              {errorFor(errors, 'schedule') && (
                <Text size="sm" c="red.8">
                  {errorFor(errors, 'schedule')}
                </Text>
              )}
              {WINDOW_STAGES.map((s) => (
                <Stack key={s} gap={4}>
                  <Text fw={600} size="sm">
                    {STAGE_LABELS[s]}
                    {s === 'VISITATION' ? ' (hanya bila visitasi berbobot)' : ''}
                  </Text>
                  {errorFor(errors, `schedule.${s}`) && (
                    <Text size="sm" c="red.8">
                      {errorFor(errors, `schedule.${s}`)}
                    </Text>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      id={`schedule-${s}-opensAt`}
                      type="datetime-local"
                      label={`Mulai ${STAGE_LABELS[s]}`}
                      value={f.schedule[s].opensAt}
                      onChange={(e) => setWindow(s, 'opensAt', e.currentTarget.value)}
                      error={errorFor(errors, `schedule.${s}.opensAt`)}
                    />
                    <TextInput
                      id={`schedule-${s}-closesAt`}
                      type="datetime-local"
                      label={`Selesai ${STAGE_LABELS[s]}`}
                      value={f.schedule[s].closesAt}
                      onChange={(e) => setWindow(s, 'closesAt', e.currentTarget.value)}
                      error={errorFor(errors, `schedule.${s}.closesAt`)}
                    />
                  </SimpleGrid>
                </Stack>
              ))}
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
