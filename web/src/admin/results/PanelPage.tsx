import { Button, Checkbox, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorState } from '../../ui/ErrorState';
import { formatCount, formatScore } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAdminPeriod } from '../queries';
import { resultKeys, usePanelOverview, useStaff, useSubmitted, type FinalistSelection, type PanelOverviewItem } from './queries';
import { conflictReason } from './VerificationPage';
import { ActionError, VISITATION_NOT_WEIGHTED_TEXT } from './widgets';
import { ScrollArea } from '../../ui/ScrollArea';

const RULE_TEXT = (r: FinalistSelection['rule']) =>
  r.type === 'TOP_N' ? `${r.value} terbaik per kategori (dan yang nilainya sama)` : `nilai SAQ paling rendah ${formatScore(String(r.value))}`;

/** Finalists by the period's rule, panel assignment (a conflict refused with its reason), and who has scored whom. */
export default function PanelPage() {
  const { periodId = '' } = useParams();
  usePageTitle('Finalis dan panel');
  const period = useAdminPeriod(periodId);
  const weighted = period.data ? Number(period.data.weights.visitation) > 0 : undefined;
  return (
    <Stack gap="lg">
      <Title order={1}>Finalis dan panel</Title>
      <Finalists periodId={periodId} />
      <AssignPanel periodId={periodId} />
      <AssignVisitors periodId={periodId} weighted={weighted} />
      <Overview periodId={periodId} withVisitors={weighted === true} />
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

type StaffRole = 'panelist' | 'assessor';

/** Assigning one person (a panelist, or an assessor who visits) to finalists: the same form, its API call and wording given. */
function AssignToFinalists({
  periodId,
  role,
  titleId,
  title,
  personLabel,
  finalistsLabel,
  roleWord,
  buttonLabel,
  doneText,
  send,
}: {
  periodId: string;
  role: StaffRole;
  titleId: string;
  title: string;
  personLabel: string;
  finalistsLabel: string;
  roleWord: string;
  buttonLabel: string;
  doneText: (added: number) => string;
  send: (personId: string, participationIds: string[]) => Promise<{ added: number }>;
}) {
  const qc = useQueryClient();
  const staff = useStaff(role);
  const submitted = useSubmitted(periodId);
  const overview = usePanelOverview(periodId);
  const [personId, setPersonId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const finalists = overview.data?.items ?? [];
  const bodyName = (bodyId: string) => submitted.data?.items.find((p) => p.publicBody.id === bodyId)?.publicBody.name;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!personId || chosen.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    try {
      const r = await send(personId, chosen);
      setDone(doneText(r.added));
      await qc.invalidateQueries({ queryKey: resultKeys.panel(periodId) });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3" id={titleId}>
          {title}
        </Title>
        <Select
          label={personLabel}
          searchable
          data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.affiliation ? `${u.name} (${u.affiliation})` : u.name }))}
          value={personId}
          onChange={setPersonId}
          error={missing && !personId ? `Pilih ${roleWord}.` : undefined}
        />
        {finalists.length === 0 ? (
          <Text size="sm">Belum ada finalis: tetapkan finalis terlebih dahulu.</Text>
        ) : (
          <Checkbox.Group label={finalistsLabel} value={chosen} onChange={setChosen} error={missing && chosen.length === 0 ? 'Pilih paling sedikit satu finalis.' : undefined}>
            <Stack gap={4} mt={4}>
              {finalists.map((f) => (
                <Checkbox key={f.participationId} value={f.participationId} label={`${f.publicBody} (${f.categoryCode})`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group>
          <Button type="submit">{buttonLabel}</Button>
        </Group>
        <ActionError error={error} conflictText={conflictReason(error, bodyName, roleWord)} />
        {done && (
          <Text role="status" size="sm">
            {done}
          </Text>
        )}
      </Stack>
    </form>
  );
}

function AssignPanel({ periodId }: { periodId: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assign-panel-title">
      <AssignToFinalists
        periodId={periodId}
        role="panelist"
        titleId="assign-panel-title"
        title="Penugasan panelis"
        personLabel="Panelis"
        finalistsLabel="Finalis yang dinilai"
        roleWord="panelis"
        buttonLabel="Tugaskan panelis"
        doneText={(added) => `${formatCount(added)} penugasan panel baru.`}
        send={(panelistId, participationIds) => unwrap(api.POST('/periods/{id}/panel', { params: { path: { id: periodId } }, body: { panelistId, participationIds } }))}
      />
    </Paper>
  );
}

/** Assessors who visit finalists: only in a period that weights visitation (the API refuses the others with 422). */
function AssignVisitors({ periodId, weighted }: { periodId: string; weighted: boolean | undefined }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assign-visitors-title" data-testid="assign-visitors">
      {weighted === undefined ? (
        <Loading />
      ) : weighted ? (
        <AssignToFinalists
          periodId={periodId}
          role="assessor"
          titleId="assign-visitors-title"
          title="Visitasi oleh verifikator"
          personLabel="Verifikator"
          finalistsLabel="Finalis yang dikunjungi"
          roleWord="verifikator"
          buttonLabel="Tugaskan visitasi"
          doneText={(added) => `${formatCount(added)} penugasan visitasi baru.`}
          send={(assessorId, participationIds) => unwrap(api.POST('/periods/{id}/visitors', { params: { path: { id: periodId } }, body: { assessorId, participationIds } }))}
        />
      ) : (
        <Stack gap="sm">
          <Title order={2} size="h3" id="assign-visitors-title">
            Visitasi oleh verifikator
          </Title>
          <Text size="sm">{VISITATION_NOT_WEIGHTED_TEXT}</Text>
        </Stack>
      )}
    </Paper>
  );
}

const visitorText = (v: PanelOverviewItem['visitors'][number]) => `${v.name} (${v.scored ? `sudah menilai: ${formatScore(v.visitation)}` : 'belum menilai'})`;

function Overview({ periodId, withVisitors }: { periodId: string; withVisitors: boolean }) {
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
                {withVisitors && <Table.Th scope="col">Visitasi oleh verifikator</Table.Th>}
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
                  {withVisitors && <Table.Td data-testid="visitors">{f.visitors.length === 0 ? 'Belum ada verifikator' : f.visitors.map(visitorText).join(', ')}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </section>
  );
}
