import { Button, Checkbox, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatScore } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { resultKeys, usePanelOverview, useStaff, useSubmitted, type FinalistSelection } from './queries';
import { conflictReason } from './VerificationPage';
import { ActionError, ScrollArea } from './widgets';

const RULE_TEXT = (r: FinalistSelection['rule']) =>
  r.type === 'TOP_N' ? `${r.value} terbaik per kategori (dan yang nilainya sama)` : `nilai SAQ paling rendah ${formatScore(String(r.value))}`;

/** Finalists by the period's rule, panel assignment (a conflict refused with its reason), and who has scored whom. */
export default function PanelPage() {
  const { periodId = '' } = useParams();
  usePageTitle('Finalis dan panel');
  return (
    <Stack gap="lg">
      <Title order={1}>Finalis dan panel</Title>
      <Finalists periodId={periodId} />
      <AssignPanel periodId={periodId} />
      <Overview periodId={periodId} />
    </Stack>
  );
}

function Finalists({ periodId }: { periodId: string }) {
  const qc = useQueryClient();
  const submitted = useSubmitted(periodId);
  const [selection, setSelection] = useState<FinalistSelection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameOf = new Map((submitted.data?.items ?? []).map((p) => [p.id, p.publicBody.name]));
  const select = async () => {
    setBusy(true);
    setError(null);
    try {
      setSelection(await unwrap(api.POST('/periods/{id}/finalists', { params: { path: { id: periodId } } })));
      await Promise.all([qc.invalidateQueries({ queryKey: resultKeys.submitted(periodId) }), qc.invalidateQueries({ queryKey: resultKeys.panel(periodId) })]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="finalists-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="finalists-title">
          Penetapan finalis
        </Title>
        <Text size="sm">Finalis dihitung dari nilai SAQ terverifikasi menurut aturan periode.</Text>
        <Group>
          <Button onClick={() => void select()} loading={busy}>
            Tetapkan finalis
          </Button>
        </Group>
        <ActionError error={error} />
        {selection && (
          <ScrollArea label="Daftar finalis" status>
            <Table withTableBorder captionSide="top" data-testid="finalists">
              <Table.Caption>
                {formatCount(selection.total)} finalis menurut aturan: {RULE_TEXT(selection.rule)}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Badan publik</Table.Th>
                  <Table.Th scope="col">Kategori</Table.Th>
                  <Table.Th scope="col">Nilai SAQ</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {selection.items.map((f) => (
                  <Table.Tr key={f.participationId}>
                    <Table.Td>{nameOf.get(f.participationId) ?? f.participationId}</Table.Td>
                    <Table.Td>{f.categoryCode}</Table.Td>
                    <Table.Td>{formatScore(f.saqScore)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Paper>
  );
}

function AssignPanel({ periodId }: { periodId: string }) {
  const qc = useQueryClient();
  const staff = useStaff('panelist');
  const submitted = useSubmitted(periodId);
  const overview = usePanelOverview(periodId);
  const [panelistId, setPanelistId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const finalists = overview.data?.items ?? [];
  const bodyName = (bodyId: string) => submitted.data?.items.find((p) => p.publicBody.id === bodyId)?.publicBody.name;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!panelistId || chosen.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    try {
      const r = await unwrap(api.POST('/periods/{id}/panel', { params: { path: { id: periodId } }, body: { panelistId, participationIds: chosen } }));
      setDone(`${formatCount(r.added)} penugasan panel baru.`);
      await qc.invalidateQueries({ queryKey: resultKeys.panel(periodId) });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assign-panel-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="assign-panel-title">
            Penugasan panelis
          </Title>
          <Select
            label="Panelis"
            searchable
            data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.affiliation ? `${u.name} (${u.affiliation})` : u.name }))}
            value={panelistId}
            onChange={setPanelistId}
            error={missing && !panelistId ? 'Pilih panelis.' : undefined}
          />
          {finalists.length === 0 ? (
            <Text size="sm">Belum ada finalis: tetapkan finalis terlebih dahulu.</Text>
          ) : (
            <Checkbox.Group
              label="Finalis yang dinilai"
              value={chosen}
              onChange={setChosen}
              error={missing && chosen.length === 0 ? 'Pilih paling sedikit satu finalis.' : undefined}
            >
              <Stack gap={4} mt={4}>
                {finalists.map((f) => (
                  <Checkbox key={f.participationId} value={f.participationId} label={`${f.publicBody} (${f.categoryCode})`} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Group>
            <Button type="submit">Tugaskan panelis</Button>
          </Group>
          <ActionError error={error} conflictText={conflictReason(error, bodyName, 'panelis')} />
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

function Overview({ periodId }: { periodId: string }) {
  const overview = usePanelOverview(periodId);
  return (
    <section aria-labelledby="panel-overview-title">
      <Title order={2} size="h3" id="panel-overview-title" mb="sm">
        Panel per finalis
      </Title>
      {overview.error ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !overview.data ? (
        <Loading />
      ) : overview.data.items.length === 0 ? (
        <Text>Belum ada finalis.</Text>
      ) : (
        <ScrollArea label="Panel per finalis">
          <Table striped withTableBorder data-testid="panel-overview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Finalis</Table.Th>
                <Table.Th scope="col">Panelis (visitasi / presentasi)</Table.Th>
                <Table.Th scope="col">Belum menilai presentasi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.data.items.map((f) => (
                <Table.Tr key={f.participationId}>
                  <Table.Td>
                    {f.publicBody}
                    <Text size="xs" c="dimmed">
                      {f.categoryCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {f.panelists.length === 0
                      ? 'Belum ada panelis'
                      : f.panelists.map((p) => `${p.name} (${formatScore(p.visitation)} / ${formatScore(p.presentation)})`).join(', ')}
                  </Table.Td>
                  <Table.Td>{f.missingPresentation.join(', ') || '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </section>
  );
}
