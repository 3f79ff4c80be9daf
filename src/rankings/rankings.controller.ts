import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { PublicThrottleGuard } from '../auth/throttle';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { Page, paginatedDto } from '../common/pagination';
import { sendPrecomputed } from '../common/precomputed-body';
import { PeriodDto } from '../periods/dto/period.dto';
import { PeriodErrorCode } from '../periods/periods.errors';
import { PublicRankingDto, PublishedPeriodsDto, RankingComparisonDto, RankingResultDto, RankingRunDto, RankingRunQueuedDto, RankingRunsDto } from './dto/ranking-response.dto';
import { CompareQuery, OrganizerSlugParam, PublicRankingQuery, PublishDto, ResultsQuery, YearParam } from './dto/ranking.dto';
import { RankingErrorCode } from './rankings.errors';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@Controller()
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RankingRunQueuedDto })
  @Post('periods/:id/rankings')
  create(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<RankingRunQueuedDto> {
    return this.rankings.create(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: RankingRunsDto })
  @Get('periods/:id/rankings')
  runs(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<RankingRunsDto> {
    return this.rankings.runs(user, id);
  }

  /** What changed between two runs of a period (a correction): `?against=` the earlier run. */
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: RankingComparisonDto })
  @Get('rankings/:runId/compare')
  compare(
    @CurrentUser() user: AuthUser,
    @Param('runId', new ParseIdPipe(RankingErrorCode.RUN_NOT_FOUND, 'Ranking run')) runId: string,
    @Query() q: CompareQuery,
  ): Promise<RankingComparisonDto> {
    return this.rankings.compare(user, runId, q.against);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: RankingRunDto })
  @Get('rankings/:runId')
  get(@CurrentUser() user: AuthUser, @Param('runId', new ParseIdPipe(RankingErrorCode.RUN_NOT_FOUND, 'Ranking run')) runId: string): Promise<RankingRunDto> {
    return this.rankings.get(user, runId);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: paginatedDto(RankingResultDto) })
  @Get('rankings/:runId/results')
  results(
    @CurrentUser() user: AuthUser,
    @Param('runId', new ParseIdPipe(RankingErrorCode.RUN_NOT_FOUND, 'Ranking run')) runId: string,
    @Query() q: ResultsQuery,
  ): Promise<Page<RankingResultDto>> {
    return this.rankings.results(user, runId, q);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PeriodDto })
  @Post('periods/:id/publish')
  publish(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string, @Body() dto: PublishDto): Promise<PeriodDto> {
    return this.rankings.publish(user, id, dto.runId);
  }

  /**
   * The published ranking, for anyone: serialized and compressed once per published run (br or gzip by
   * Accept-Encoding), ETag and 304, rate limited per address. Once answered here, the same URL is served
   * by the early handler of public-ranking-route.ts until the next publication.
   */
  @Public()
  @UseGuards(PublicThrottleGuard)
  @ApiOkResponse({ type: PublicRankingDto })
  @Get('public/periods/:year/ranking')
  async publicRanking(@Param() p: YearParam, @Query() q: PublicRankingQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPrecomputed(req, res, await this.rankings.publicRanking(p.year, q, req.originalUrl));
  }

  /** An organizer's published years (`{organizer, items:[{year, name, timezone, publishedAt}]}`), for anyone; cached, rate limited. */
  @Public()
  @UseGuards(PublicThrottleGuard)
  @ApiOkResponse({ type: PublishedPeriodsDto })
  @Get('public/organizers/:slug/periods')
  async publishedPeriods(@Param() p: OrganizerSlugParam, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPrecomputed(req, res, await this.rankings.publishedPeriods(p.slug));
  }
}
