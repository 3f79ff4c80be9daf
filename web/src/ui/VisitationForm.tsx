import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import { decimalInput, type PanelFinalist } from '../api/types';
import { decimalFromInput, formatScore } from './format';
import { RetryButton, saveErrorText } from './widgets';

/** A 409 on a sheet: someone saved it meanwhile; reload to see it before saving again. */
function ConflictNote({ onReload }: { onReload: () => void }) {
  return (
    <Alert className="ppid-alert" color="orange" variant="light" title="Diubah di tempat lain" role="alert" data-testid="conflict">
      <Group gap="sm">
        <Text size="sm">Lembar ini disimpan dari tempat lain sejak Anda membukanya. Muat versi terbaru, lalu simpan kembali bila perlu.</Text>
        <Button size="compact-sm" variant="default" onClick={onReload}>
          Muat versi terbaru
        </Button>
      </Group>
    </Alert>
  );
}

export { ConflictNote };

/** The visitation form of a finalist (score 0-100 and findings), for its panelists and its assessor visitors. */
export function VisitationForm({ finalist, invalidate, open }: { finalist: PanelFinalist; invalidate: readonly unknown[]; open: boolean }) {
  const qc = useQueryClient();
  const own = finalist.visitation;
  const [score, setScore] = useState(own ? formatScore(own.score) : '');
  const [findings, setFindings] = useState(own?.findings ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const r = await unwrap(
        api.PUT('/participations/{id}/visitation', {
          params: { path: { id: finalist.participationId } },
          body: { score: decimalInput(decimalFromInput(score)), findings: findings.trim() || undefined, version: own?.version ?? 0 },
        }),
      );
      setSaved(r.bodyVisitationScore);
      await qc.invalidateQueries({ queryKey: invalidate });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError =
    error instanceof ApiError && error.status === 400 && error.fieldErrors.some((f) => f.field === 'score')
      ? 'Nilai visitasi harus antara 0 dan 100, paling banyak dua desimal.'
      : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="visitasi-title" data-testid="visitation">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="visitasi-title">
            Visitasi
          </Title>
          {!open && <Text size="sm">Penilaian visitasi hanya dapat disimpan pada tahap Visitasi.</Text>}
          <TextInput
            label="Nilai visitasi (0 sampai 100)"
            inputMode="decimal"
            value={score}
            onChange={(e) => setScore(e.currentTarget.value)}
            error={fieldError}
            readOnly={!open}
            maw={240}
            required
          />
          <Textarea label="Temuan visitasi" autosize minRows={3} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} readOnly={!open} />
          <Text size="sm" data-testid="body-visitation">
            Nilai visitasi finalis (rata-rata semua pengunjung): <strong>{formatScore(saved ?? finalist.bodyVisitationScore)}</strong>
          </Text>
          {open && (
            <Group>
              <Button type="submit" loading={busy}>
                Simpan visitasi
              </Button>
              {saved !== null && (
                <Text size="sm" fw={600} role="status" data-testid="visitation-saved">
                  Tersimpan
                </Text>
              )}
            </Group>
          )}
          {error instanceof ApiError && error.status === 409 && <ConflictNote onReload={() => void qc.invalidateQueries({ queryKey: invalidate })} />}
          {error != null && !fieldError && !(error instanceof ApiError && error.status === 409) && (
            <Group gap="sm" role="alert">
              <Text size="sm" c="red.8">
                Gagal menyimpan: {saveErrorText(error)}
              </Text>
              {error instanceof ApiError && error.retryable && <RetryButton error={error} onRetry={() => setError(null)} />}
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
