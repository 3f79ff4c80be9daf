import { Alert, Text } from '@mantine/core';
import { ApiError } from '../../api/client';
import { saveErrorText } from '../../ui/widgets';
import { formatScore } from '../../ui/format';

export const VISITATION_NOT_WEIGHTED_TEXT = 'Periode ini tidak memberi bobot pada visitasi: verifikator tidak dapat ditugaskan berkunjung.';

/** What the API said no to, in Indonesian, next to the action that failed. */
export function ActionError({ error, conflictText }: { error: unknown; conflictText?: string }) {
  if (!error) return null;
  let text = saveErrorText(error);
  if (error instanceof ApiError && error.status === 409 && conflictText) text = conflictText;
  if (error instanceof ApiError && error.status === 422) {
    const unmet = (error.body.details as { unmet?: { message: string }[] } | undefined)?.unmet;
    text =
      error.body.code === 'PANEL_VISITATION_NOT_WEIGHTED'
        ? VISITATION_NOT_WEIGHTED_TEXT
        : unmet?.length
          ? `Belum dapat dilakukan: ${unmet.map((u) => u.message).join('; ')}`
          : 'Belum dapat dilakukan pada tahap periode ini.';
  }
  return (
    <Alert color="red" variant="outline" role="alert" data-testid="action-error">
      <Text size="sm">{text}</Text>
    </Alert>
  );
}

/** Saves a Blob under a file name (downloads fetched with the session's token). */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A signed change as the API sends it (`+1.50`, `-0.90`, `0.00`) in the id-ID locale (`+1,50`); null reads as an en dash. */
export const formatChange = (change: string | null | undefined): string => (!change ? '–' : change.startsWith('+') ? `+${formatScore(change.slice(1))}` : formatScore(change));
