import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatScore } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { resultKeys, useAssessorProgress, useOpenObjections, useStaff, useSubmitted, type AutoAssignResult } from './queries';
import { ActionError } from './widgets';
import { ScrollArea } from '../../ui/ScrollArea';

/** Verification and objections: auto and manual assignment, progress per assessor, open sanggah. */
export default function VerificationPage() {
  const { periodId = '' } = useParams();
  usePageTitle('Verifikasi dan sanggah');
  return (
    <Stack gap="lg">
      <Title order={1}>Verifikasi dan sanggah</Title>
      <AutoAssign periodId={periodId} />
      <ManualAssign periodId={periodId} />
      <Progress periodId={periodId} />
      <OpenObjections periodId={periodId} />
    </Stack>
  );
}

function useRefreshVerification(periodId: string) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: resultKeys.progress(periodId) }), qc.invalidateQueries({ queryKey: resultKeys.submitted(periodId) })]);
}

function AutoAssign({ periodId }: { periodId: string }) {
  const refresh = useRefreshVerification(periodId);
  const submitted = useSubmitted(periodId);
  const staff = useStaff('assessor');
  const [result, setResult] = useState<AutoAssignResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const bodyOf = new Map((submitted.data?.items ?? []).map((p) => [p.id, p.publicBody.name]));
  const assessorOf = new Map((staff.data?.items ?? []).map((u) => [u.id, u.name]));
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await unwrap(api.POST('/periods/{id}/assignments/auto', { params: { path: { id: periodId } }, body: {} })));
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="auto-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="auto-title">
          Penugasan otomatis
        </Title>
        <Text size="sm">Setiap kuesioner terkirim mendapat satu verifikator, seimbang, dan tidak pernah verifikator yang memiliki konflik kepentingan dengan badan publiknya.</Text>
        <Group>
          <Button onClick={() => void run()} loading={busy}>
            Tugaskan verifikator otomatis
          </Button>
        </Group>
        <ActionError error={error} />
        {result && (
          <Stack gap="xs" data-testid="auto-result" role="status">
            <Text>
              {formatCount(result.assigned)} penugasan baru; {formatCount(result.skippedForConflict)} kuesioner melewati verifikator karena konflik kepentingan.
            </Text>
            {result.conflicts.length > 0 && (
              <ScrollArea label="Dilewati karena konflik kepentingan">
                <Table withTableBorder captionSide="top" data-testid="skipped-conflicts">
                  <Table.Caption>Dilewati karena konflik kepentingan</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Badan publik</Table.Th>
                      <Table.Th scope="col">Verifikator yang dilewati</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.conflicts.map((c) => (
                      <Table.Tr key={`${c.participationId}-${c.assessorId}`}>
                        <Table.Td>{bodyOf.get(c.participationId) ?? `Peserta ${c.participationId}`}</Table.Td>
                        <Table.Td>{assessorOf.get(c.assessorId) ?? `Verifikator ${c.assessorId}`}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            )}
            {result.unassigned.length > 0 && (
              <Alert color="orange" variant="light" title="Belum mendapat verifikator">
                {result.unassigned.map((id) => bodyOf.get(id) ?? id).join(', ')}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** A 409 of an assignment in Indonesian: who may not judge whom (details carry the body's id). */
export function conflictReason(error: unknown, bodyName: (publicBodyId: string) => string | undefined, role: string): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const id = (error.body.details as { publicBodyId?: string } | undefined)?.publicBodyId;
  const name = id ? bodyName(id) : undefined;
  return `Ditolak karena konflik kepentingan: ${role} ini tidak boleh menilai ${name ?? 'badan publik tersebut'} (afiliasi atau konflik yang dinyatakan).`;
}

function ManualAssign({ periodId }: { periodId: string }) {
  const refresh = useRefreshVerification(periodId);
  const submitted = useSubmitted(periodId);
  const staff = useStaff('assessor');
  const [assessorId, setAssessorId] = useState<string | null>(null);
  const [participationId, setParticipationId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const parts = (submitted.data?.items ?? []).filter((p) => ['SUBMITTED', 'VERIFIED', 'FINALIST'].includes(p.status));
  const bodyName = (bodyId: string) => submitted.data?.items.find((p) => p.publicBody.id === bodyId)?.publicBody.name;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!assessorId || !participationId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    try {
      await unwrap(api.POST('/periods/{id}/assignments', { params: { path: { id: periodId } }, body: { assessorId, participationId } }));
      setDone(`${staff.data?.items.find((u) => u.id === assessorId)?.name} ditugaskan untuk ${parts.find((p) => p.id === participationId)?.publicBody.name}.`);
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="manual-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="manual-title">
            Penugasan manual
          </Title>
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label="Verifikator"
              searchable
              data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.affiliation ? `${u.name} (${u.affiliation})` : u.name }))}
              value={assessorId}
              onChange={setAssessorId}
              error={missing && !assessorId ? 'Pilih verifikator.' : undefined}
              style={{ minWidth: 220 }}
            />
            <Select
              label="Badan publik"
              searchable
              data={parts.map((p) => ({ value: p.id, label: p.publicBody.name }))}
              value={participationId}
              onChange={setParticipationId}
              error={missing && !participationId ? 'Pilih badan publik.' : undefined}
              style={{ minWidth: 220 }}
            />
          </Group>
          <Group>
            <Button type="submit">Tugaskan</Button>
          </Group>
          <ActionError error={error} conflictText={conflictReason(error, bodyName, 'verifikator')} />
          {done && (
            <Text role="status" size="sm">
              {done}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function Progress({ periodId }: { periodId: string }) {
  const progress = useAssessorProgress(periodId);
  return (
    <section aria-labelledby="progress-title">
      <Title order={2} size="h3" id="progress-title" mb="sm">
        Kemajuan per verifikator
      </Title>
      {progress.error ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : !progress.data ? (
        <Loading />
      ) : progress.data.items.length === 0 ? (
        <Text>Belum ada verifikator.</Text>
      ) : (
        <ScrollArea label="Kemajuan per verifikator">
          <Table striped withTableBorder data-testid="assessor-progress">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Verifikator</Table.Th>
                <Table.Th scope="col">Ditugaskan</Table.Th>
                <Table.Th scope="col">Selesai</Table.Th>
                <Table.Th scope="col">Pertanyaan terverifikasi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.data.items.map((r) => (
                <Table.Tr key={r.assessor.id}>
                  <Table.Td>
                    {r.assessor.name}
                    {r.assessor.affiliation && (
                      <Text size="xs" c="dimmed">
                        {r.assessor.affiliation}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatCount(r.assigned)}</Table.Td>
                  <Table.Td>
                    {formatCount(r.completed)} / {formatCount(r.assigned)}
                  </Table.Td>
                  <Table.Td>{formatCount(r.verifiedQuestions)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </section>
  );
}

function OpenObjections({ periodId }: { periodId: string }) {
  const objections = useOpenObjections(periodId);
  return (
    <section aria-labelledby="objections-title">
      <Title order={2} size="h3" id="objections-title" mb="sm">
        Sanggah terbuka
      </Title>
      {objections.error ? (
        <ErrorState error={objections.error} onRetry={() => void objections.refetch()} />
      ) : !objections.data ? (
        <Loading />
      ) : objections.data.items.length === 0 ? (
        <Text data-testid="no-objections">Tidak ada sanggah yang menunggu keputusan.</Text>
      ) : (
        <ScrollArea label="Sanggah terbuka">
          <Table striped withTableBorder data-testid="open-objections">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Badan publik</Table.Th>
                <Table.Th scope="col">Pertanyaan</Table.Th>
                <Table.Th scope="col">Nilai verifikasi</Table.Th>
                <Table.Th scope="col">Alasan</Table.Th>
                <Table.Th scope="col">Diputuskan oleh</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {objections.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    {o.publicBody.name}
                    <Text size="xs" c="dimmed">
                      {o.categoryCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>{o.questionCode}</Table.Td>
                  <Table.Td>{formatScore(o.pointsBefore)}</Table.Td>
                  <Table.Td>{o.reason}</Table.Td>
                  <Table.Td>{o.assessors.join(', ') || 'Admin'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </section>
  );
}
