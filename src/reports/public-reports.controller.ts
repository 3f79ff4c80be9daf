import { Controller, Get, Param, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { PublicThrottleGuard } from '../auth/throttle';
import { binaryResponse } from '../common/api-schema';
import { Public } from '../common/auth-user';
import { PublicRankingFileQuery, YearParam } from '../rankings/dto/ranking.dto';
import { RankingsService } from '../rankings/rankings.service';
import { ReportsService } from './reports.service';

/** The published ranking as open data: the same CSV the organizers export, for anyone. */
@ApiTags('reports')
@Controller()
export class PublicReportsController {
  constructor(
    private readonly rankings: RankingsService,
    private readonly reports: ReportsService,
  ) {}

  @Public()
  @UseGuards(PublicThrottleGuard)
  @ApiProduces('text/csv')
  @ApiOkResponse(binaryResponse('the published ranking as CSV (UTF-8 with BOM)'))
  @Get('public/periods/:year/ranking.csv')
  async rankingCsv(@Param() p: YearParam, @Query() q: PublicRankingFileQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const run = await this.rankings.publishedRun(p.year, q.organizer);
    const f = await this.reports.publishedRankingCsv(run);
    res.setHeader('Cache-Control', 'public, max-age=60');
    return new StreamableFile(f.body, { type: f.contentType, disposition: `attachment; filename="${f.fileName}"`, length: f.body.length });
  }
}
