import { ActionIcon, Group, NativeSelect, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import { formatCount } from '../ui/format';
import { keys } from './queries';
import type { EvidenceFile, EvidenceKind } from '../api/types';
import { pdfRefusal, uploadEvidence } from './upload';
import { saveErrorText } from '../ui/widgets';

/** The server's refusal of a file (422), in Indonesian. */
function uploadRefusalText(error: unknown, maxBytes: number): string {
  if (error instanceof ApiError && error.status === 422) {
    const d = (error.body.details ?? {}) as Record<string, unknown>;
    if (d.reason === 'TOO_LARGE' || d.maxBytes) return `Server menolak berkas: melebihi batas ${formatCount(maxBytes)} byte.`;
    if (d.expected === 'application/pdf') return 'Server menolak berkas: bukan dokumen PDF yang dapat dibuka.';
    return `Server menolak berkas: ${saveErrorText(error)}`;
  }
  return `Unggahan gagal: ${saveErrorText(error)}`;
}

interface Props {
  participationId: string;
  questionCode: string;
  kind: EvidenceKind;
  evidenceIds: string[];
  url: string;
  files: EvidenceFile[];
  maxBytes: number;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (next: { evidenceIds: string[]; url: string }) => void;
}

/** A question's data dukung: PDF upload (with progress) or reuse of an uploaded one, and/or a link. */
export function EvidenceField({ participationId, questionCode, kind, evidenceIds, url, files, maxBytes, readOnly, errors, onChange }: Props) {
  const qc = useQueryClient();
  const uid = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (kind === 'NONE') return null;
  const takesFile = kind === 'FILE' || kind === 'FILE_OR_URL';
  const takesUrl = kind === 'URL' || kind === 'FILE_OR_URL';
  const attached = evidenceIds.map((id) => files.find((f) => f.id === id) ?? { id, fileName: `Berkas ${id}`, size: 0 });
  const reusable = files.filter((f) => !evidenceIds.includes(f.id));

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    const refusal = await pdfRefusal(file, maxBytes);
    if (refusal) {
      setProblem(refusal);
      return;
    }
    setProgress(0);
    try {
      const saved = await uploadEvidence(participationId, file, setProgress);
      await qc.invalidateQueries({ queryKey: keys.evidence(participationId) });
      onChange({ evidenceIds: [...evidenceIds, saved.id], url });
    } catch (e) {
      setProblem(uploadRefusalText(e, maxBytes));
    } finally {
      setProgress(null);
    }
  };

  const need = kind === 'FILE' ? 'Data dukung: dokumen PDF' : kind === 'URL' ? 'Data dukung: tautan' : 'Data dukung: dokumen PDF atau tautan';
  return (
    <Stack gap={6} className="evidence">
      <Text size="sm" fw={600}>
        {need}
      </Text>
      {takesFile && (
        <>
          {attached.length > 0 && (
            <ul className="evidence-list" aria-label={`Berkas terlampir pada ${questionCode}`}>
              {attached.map((f) => (
                <li key={f.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" className="file-name" data-testid="attached-file">
                      {f.fileName}
                    </Text>
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red" aria-label={`Lepas ${f.fileName} dari ${questionCode}`} onClick={() => onChange({ evidenceIds: evidenceIds.filter((x) => x !== f.id), url })}>
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                </li>
              ))}
            </ul>
          )}
          {!readOnly && (
            <>
              <div>
                <label htmlFor={`${uid}-file`} className="file-label">
                  Unggah PDF untuk {questionCode} (paling besar {formatCount(maxBytes)} byte)
                </label>
                <input id={`${uid}-file`} type="file" accept="application/pdf,.pdf" className="file-input" disabled={progress !== null} onChange={(e) => void pick(e.currentTarget.files?.[0]).finally(() => {})} />
              </div>
              {progress !== null && <Progress value={Math.round(progress * 100)} aria-label={`Mengunggah ${Math.round(progress * 100)}%`} size="lg" animated />}
              {problem && (
                <Text size="sm" c="red.8" role="alert" data-testid="upload-problem">
                  {problem}
                </Text>
              )}
              {reusable.length > 0 && (
                <NativeSelect
                  label={`Pakai berkas yang sudah diunggah untuk ${questionCode}`}
                  value=""
                  data={[{ value: '', label: 'Pilih berkas…' }, ...reusable.map((f) => ({ value: f.id, label: f.fileName }))]}
                  onChange={(e) => e.currentTarget.value && onChange({ evidenceIds: [...evidenceIds, e.currentTarget.value], url })}
                />
              )}
            </>
          )}
          {errors.evidenceIds && (
            <Text size="sm" c="red.8">
              {errors.evidenceIds}
            </Text>
          )}
        </>
      )}
      {takesUrl && (
        <TextInput
          label={`Tautan data dukung untuk ${questionCode}`}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          readOnly={readOnly}
          error={errors.url}
          onChange={(e) => onChange({ evidenceIds, url: e.currentTarget.value })}
        />
      )}
    </Stack>
  );
}
