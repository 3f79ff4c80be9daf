import { Alert, Button, FileInput, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ImportResult } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorSummary, errorFor, fieldCodeText, formErrorsOf, refusalText, type FormError } from '../forms';
import { adminKeys, useBodies, useCategories } from '../queries';
import { ScrollArea } from '../../ui/ScrollArea';

const CSV_COLUMNS: Record<string, string> = { name: 'Nama', categoryCode: 'Kode kategori', region: 'Wilayah', website: 'Situs web', email: 'E-mail' };
const IMPORT_CODE_TEXT: Record<string, string> = {
  PUBLIC_BODY_UNKNOWN_CATEGORY: 'kategori tidak dikenal',
  PUBLIC_BODY_NAME_TAKEN: 'nama ini sudah terdaftar di kategori yang sama',
};

/** Categories and the public-body registry, with the CSV import. */
export default function RegistryPage() {
  usePageTitle('Kategori dan badan publik');
  return (
    <Stack gap="lg">
      <Title order={1}>Kategori dan badan publik</Title>
      <Categories />
      <CsvImport />
      <Bodies />
    </Stack>
  );
}

function Categories() {
  const categories = useCategories();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    try {
      await unwrap(api.POST('/categories', { body: { code: code.trim(), name: name.trim() } }));
      setCode('');
      setName('');
      await qc.invalidateQueries({ queryKey: adminKeys.categories });
    } catch (err) {
      const fe = formErrorsOf(err, { code: { label: 'Kode kategori', target: 'category-code' }, name: { label: 'Nama kategori', target: 'category-name' } });
      setErrors(fe);
      if (!fe.length) setRefusal(refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kategori">
      <Stack gap="sm">
        <Title order={2} size="h3" id="kategori">
          Kategori
        </Title>
        {categories.error ? (
          <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
        ) : !categories.data ? (
          <Loading />
        ) : categories.data.items.length === 0 ? (
          <Text>Belum ada kategori.</Text>
        ) : (
          <ScrollArea label="Tabel; geser ke samping bila terpotong">
            <Table withTableBorder striped data-testid="category-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Kode</Table.Th>
                  <Table.Th scope="col">Nama</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {categories.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.code}</Table.Td>
                    <Table.Td>{c.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Tambah kategori">
          <Stack gap="xs">
            <ErrorSummary errors={errors} />
            {refusal && (
              <Alert color="red" variant="outline" role="alert">
                {refusal}
              </Alert>
            )}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                id="category-code"
                label="Kode kategori"
                description="Huruf besar, mis. OPD"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={errorFor(errors, 'code')}
              />
              <TextInput
                id="category-name"
                label="Nama kategori"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errorFor(errors, 'name')}
                style={{ flex: 1, minWidth: 200 }}
              />
              <Button type="submit" loading={busy}>
                Tambah kategori
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function CsvImport() {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError('Pilih berkas CSV terlebih dahulu.');
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const text = await file.text();
      const r = await unwrap(api.POST('/public-bodies/import', { body: text as never, bodySerializer: (b: unknown) => b as string, headers: { 'Content-Type': 'text/csv' } }));
      setResult(r);
      await qc.invalidateQueries({ queryKey: adminKeys.bodies });
    } catch (err) {
      const fe = formErrorsOf(err, { file: { label: 'Berkas CSV', target: 'csv-file' } });
      setError(fe.length ? 'Berkas CSV tidak dapat dibaca atau kepalanya tidak sesuai: name,categoryCode,region,website,email.' : refusalText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="impor-csv">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="impor-csv">
            Impor badan publik dari CSV
          </Title>
          <Text size="sm">
            Baris pertama berisi kepala kolom <code style={{ wordBreak: 'break-all' }}>name,categoryCode,region,website,email</code>. Baris yang benar langsung ditambahkan; baris
            yang salah ditampilkan dengan alasannya.
          </Text>
          <FileInput
            id="csv-file"
            label="Berkas CSV"
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}
            error={error ?? undefined}
          />
          <Group>
            <Button type="submit" loading={busy}>
              Impor
            </Button>
          </Group>
          {result && (
            <Stack gap="xs" data-testid="import-result" role="status">
              <Text fw={600}>
                {formatCount(result.created)} badan publik ditambahkan{result.errors.length ? `; ${formatCount(result.errors.length)} baris ditolak.` : '.'}
              </Text>
              {result.errors.length > 0 && (
                <ScrollArea label="Tabel; geser ke samping bila terpotong">
                  <Table withTableBorder striped captionSide="top" data-testid="import-errors">
                    <Table.Caption>Baris yang ditolak</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Baris</Table.Th>
                        <Table.Th scope="col">Kolom</Table.Th>
                        <Table.Th scope="col">Alasan</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {result.errors.map((e) => (
                        <Table.Tr key={e.line}>
                          <Table.Td>{e.line}</Table.Td>
                          <Table.Td>{CSV_COLUMNS[e.field] ?? e.field}</Table.Td>
                          <Table.Td>{IMPORT_CODE_TEXT[e.code] ?? fieldCodeText(e.code)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              )}
            </Stack>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function Bodies() {
  const categories = useCategories();
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const bodies = useBodies({ ...(categoryCode ? { categoryCode } : {}), ...(q.trim() ? { q: q.trim() } : {}) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="badan-publik">
      <Stack gap="sm">
        <Title order={2} size="h3" id="badan-publik">
          Badan publik
        </Title>
        <Group gap="sm" wrap="wrap">
          <Select
            label="Kategori"
            placeholder="Semua kategori"
            clearable
            clearButtonProps={{ 'aria-label': 'Kosongkan pilihan' }}

            data={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }))}
            value={categoryCode}
            onChange={setCategoryCode}
          />
          <TextInput label="Cari nama" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        </Group>
        {bodies.error ? (
          <ErrorState error={bodies.error} onRetry={() => void bodies.refetch()} />
        ) : !bodies.data ? (
          <Loading />
        ) : bodies.data.items.length === 0 ? (
          <Text>Belum ada badan publik.</Text>
        ) : (
          <>
            <Text size="sm">
              {formatCount(bodies.data.total)} badan publik{bodies.data.total > bodies.data.items.length ? `; ${formatCount(bodies.data.items.length)} pertama ditampilkan` : ''}.
            </Text>
            <ScrollArea label="Tabel; geser ke samping bila terpotong">
              <Table withTableBorder striped data-testid="body-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Nama</Table.Th>
                    <Table.Th scope="col">Kategori</Table.Th>
                    <Table.Th scope="col">Wilayah</Table.Th>
                    <Table.Th scope="col">E-mail</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {bodies.data.items.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>{b.name}</Table.Td>
                      <Table.Td>{b.categoryCode}</Table.Td>
                      <Table.Td>{b.region ?? '–'}</Table.Td>
                      <Table.Td>{b.email ?? '–'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
      </Stack>
    </Paper>
  );
}
