import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { binaryResponse } from '../common/api-schema';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { attachmentDisposition } from '../common/content-disposition';
import { ParseIdPipe } from '../common/id';
import { PeriodErrorCode } from '../periods/periods.errors';
import { PreviousYearComparisonDto, ReportStatsDto } from './dto/report-stats.dto';
import { ReportQuery } from './dto/report.dto';
import { ReportFile, ReportsService } from './reports.service';

const download = (f: ReportFile) => new StreamableFile(f.body, { type: f.contentType, disposition: attachmentDisposition(f.fileName), length: f.body.length });

@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The ranking of a run (default: the published one) as CSV: UTF-8 with BOM, one row per body in the run's order. */
  @ApiProduces('text/csv')
  @ApiOkResponse(binaryResponse('the ranking as CSV (UTF-8 with BOM)'))
  @Get('periods/:id/reports/ranking.csv')
  async rankingCsv(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Query() q: ReportQuery): Promise<StreamableFile> {
    return download(await this.reports.rankingCsv(user, id, q.runId));
  }

  /** The ranking as an Excel workbook: a summary sheet, then one sheet per category. */
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse(binaryResponse('the ranking as an Excel workbook'))
  @Get('periods/:id/reports/ranking.xlsx')
  async rankingXlsx(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string,
    @Query() q: ReportQuery,
  ): Promise<StreamableFile> {
    return download(await this.reports.rankingXlsx(user, id, q.runId));
  }

  /** Participation, category x qualification counts, score deciles, per-aspect averages, change against last year. */
  @ApiOkResponse({ type: ReportStatsDto })
  @Get('periods/:id/stats')
  stats(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Query() q: ReportQuery): Promise<ReportStatsDto> {
    return this.reports.stats(user, id, q.runId);
  }

  /** The change against the organizer's previous year (its published ranking), per category and per body. */
  @ApiOkResponse({ type: PreviousYearComparisonDto })
  @Get('periods/:id/reports/previous-year')
  previousYear(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string,
    @Query() q: ReportQuery,
  ): Promise<PreviousYearComparisonDto> {
    return this.reports.previousYear(user, id, q.runId);
  }
}
