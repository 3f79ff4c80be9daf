import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizersService } from '../organizers/organizers.service';
import { PeriodsService } from '../periods/periods.service';
import { RankedResult, RankingResultsReader } from '../rankings/ranking-results-reader';

export interface CertificateRef {
  participation_id: string;
  run_id: string;
  period_id: string;
  organizer_id: string;
}

export interface CertificateFacts {
  result: RankedResult;
  year: number;
  timezone: string;
  certificateSettings: { signatoryName?: string; signatoryTitle?: string; place?: string } | null;
  organizerName: string;
}

/**
 * What a certificate prints beside its own row: its ranking result (rankings), its period's year,
 * timezone and settings (periods) and its organizer's name (organizers), each read as one set per
 * owner. A certificate without a result, period or organizer is left out, as a join would.
 */
@Injectable()
export class CertificateFactsReader {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly results: RankingResultsReader,
    private readonly periods: PeriodsService,
    private readonly organizers: OrganizersService,
  ) {}

  async of<T extends CertificateRef>(rows: T[]): Promise<{ row: T; facts: CertificateFacts }[]> {
    const byRun = new Map<string, string[]>();
    for (const r of rows) byRun.set(String(r.run_id), [...(byRun.get(String(r.run_id)) ?? []), String(r.participation_id)]);
    const results = new Map<string, Map<string, RankedResult>>();
    for (const [runId, ids] of byRun) results.set(runId, await this.results.ofParticipations(this.ds.manager, runId, ids));
    const [periods, organizers] = await Promise.all([
      this.periods.certificateFactsOf(rows.map((r) => String(r.period_id))),
      this.organizers.namesOf(rows.map((r) => String(r.organizer_id))),
    ]);
    return rows.flatMap((row) => {
      const result = results.get(String(row.run_id))?.get(String(row.participation_id));
      const period = periods.get(String(row.period_id));
      const organizerName = organizers.get(String(row.organizer_id));
      if (!result || !period || organizerName === undefined) return [];
      return [{ row, facts: { result, year: period.year, timezone: period.timezone, certificateSettings: period.certificateSettings, organizerName } }];
    });
  }
}
