import { Alert, Badge, Button, FileInput, Group, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import type { InstrumentTree, Period } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatScore } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { fieldCodeText, refusalText } from '../forms';
import { adminKeys, useCategories, useInstrument } from '../queries';
import { usePeriodFromRoute } from '../usePeriodFromRoute';
import { ScrollArea } from '../../ui/ScrollArea';

const TYPE_LABELS: Record<string, string> = { YES_NO: 'Ya/tidak', CHOICE: 'Pilihan', MULTI_CHOICE: 'Pilihan ganda', NUMBER: 'Angka', TEXT: 'Uraian' };
const EVIDENCE_LABELS: Record<string, string> = { NONE: 'Tidak perlu', FILE: 'PDF', URL: 'Tautan', FILE_OR_URL: 'PDF atau tautan' };

/** The instrument: uploaded as JSON until SAQ opens, previewed per category, frozen after. */
export default function InstrumentPage() {
  const period = usePeriodFromRoute();
  usePageTitle('Instrumen');
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Loading />;
  return <Instrument period={period.data} />;
}

function Instrument({ period }: { period: Period }) {
  const categories = useCategories();
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const tree = useInstrument(period.id, categoryCode);
  return (
    <Stack gap="md">
      <Title order={1}>
        Instrumen {period.name} {period.year}
      </Title>
      {tree.data?.frozen ? (
        <Alert color="gray" variant="outline" title="Instrumen dibekukan" data-testid="instrument-frozen">
          Tahap pengisian kuesioner sudah dibuka; instrumen tidak dapat diubah lagi.
        </Alert>
      ) : (
        tree.data && <Upload periodId={period.id} />
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="pratinjau">
        <Stack gap="sm">
          <Title order={2} size="h3" id="pratinjau">
            Pratinjau per kategori
          </Title>
          <Select
            label="Kategori"
            placeholder="Semua kategori"
            clearable
            clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}

            data={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }))}
            value={categoryCode}
            onChange={setCategoryCode}
            maw={360}
          />
          {tree.error ? <ErrorState error={tree.error} onRetry={() => void tree.refetch()} /> : !tree.data ? <Loading /> : <Preview tree={tree.data} />}
        </Stack>
      </Paper>
    </Stack>
  );
}

function Preview({ tree }: { tree: InstrumentTree }) {
  if (tree.questionCount === 0) return <Text>Instrumen belum berisi pertanyaan{tree.categoryCode ? ' untuk kategori ini' : ''}.</Text>;
  return (
    <Stack gap="md" data-testid="instrument-preview">
      <Text>
        {tree.questionCount} pertanyaan dalam {tree.aspects.length} aspek{tree.categoryCode ? ` untuk kategori ${tree.categoryCode}` : ''}.
      </Text>
      {tree.aspects.map((a) => (
        <ScrollArea key={a.code} label={`Tabel aspek ${a.code}; geser ke samping bila terpotong`}>
          <Table withTableBorder striped captionSide="top" data-testid="instrument-aspect">
            <Table.Caption>
              {a.code}. {a.title} (bobot {formatScore(a.weight)}, poin maks. {formatScore(a.maxPoints)})
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kode</Table.Th>
                <Table.Th scope="col">Pertanyaan</Table.Th>
                <Table.Th scope="col">Jenis</Table.Th>
                <Table.Th scope="col">Poin</Table.Th>
                <Table.Th scope="col">Data dukung</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.questions.map((q) => (
                <Table.Tr key={q.code}>
                  <Table.Td>{q.code}</Table.Td>
                  <Table.Td>
                    {q.text}
                    {!q.required && (
                      <Badge ml="xs" variant="outline" color="gray.8">
                        tidak wajib
                      </Badge>
                    )}
                    {q.categoryCodes.length > 0 && (
                      <Badge ml="xs" variant="light">
                        hanya {q.categoryCodes.join(', ')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{TYPE_LABELS[q.type] ?? q.type}</Table.Td>
                  <Table.Td>{formatScore(q.maxPoints)}</Table.Td>
                  <Table.Td>{EVIDENCE_LABELS[q.evidence] ?? q.evidence}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      ))}
    </Stack>
  );
}

function Upload({ periodId }: { periodId: string }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblems([]);
    setDone(null);
    if (!file) return setProblems(['Pilih berkas JSON instrumen terlebih dahulu.']);
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      return setProblems([`Berkas "${file.name}" bukan JSON yang dapat dibaca.`]);
    }
    setBusy(true);
    try {
      const tree = await unwrap(api.PUT('/periods/{id}/instrument', { params: { path: { id: periodId } }, body: body as never }));
      setDone(`Instrumen disimpan: ${tree.questionCount} pertanyaan dalam ${tree.aspects.length} aspek.`);
      await qc.invalidateQueries({ queryKey: adminKeys.instrument(periodId) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fieldErrors.length) {
        const details = err.body.details as { field: string; code?: string }[];
        setProblems(details.map((d) => `${d.field}: ${fieldCodeText(d.code)}`));
      } else if (err instanceof ApiError && err.status === 422) setProblems(['Instrumen tidak dapat diubah lagi: tahap pengisian kuesioner sudah dibuka.']);
      else setProblems([refusalText(err)]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unggah-instrumen">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="unggah-instrumen">
            Unggah instrumen (JSON)
          </Title>
          <Text size="sm">
            Berkas berisi <code>{'{"aspects": [...]}'}</code> seperti dokumentasi API. Mengunggah lagi mengganti seluruh instrumen sampai tahap pengisian kuesioner dibuka.
          </Text>
          {problems.length > 0 && (
            <Alert color="red" variant="outline" role="alert" title="Instrumen ditolak" data-testid="instrument-errors">
              <List spacing={2}>
                {problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {done && (
            <Alert color="teal" variant="outline" role="status" data-testid="instrument-saved">
              {done}
            </Alert>
          )}
          <FileInput
            id="instrument-file"
            label="Berkas instrumen"
            accept=".json,application/json"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}
          />
          <Group>
            <Button type="submit" loading={busy}>
              Unggah instrumen
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
