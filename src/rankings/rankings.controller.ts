import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { PublicThrottleGuard } from '../auth/throttle';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { OrganizerSlugParam, PublicRankingQuery, PublishDto, ResultsQuery, YearParam } from './dto/ranking.dto';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@Controller()
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(202)
  @Post('periods/:id/rankings')
  create(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.rankings.create(user, id);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Get('rankings/:runId')
  get(@CurrentUser() user: AuthUser, @Param('runId') runId: string) {
    return this.rankings.get(user, runId);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Get('rankings/:runId/results')
  results(@CurrentUser() user: AuthUser, @Param('runId') runId: string, @Query() q: ResultsQuery) {
    return this.rankings.results(user, runId, q);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(200)
  @Post('periods/:id/publish')
  publish(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: PublishDto) {
    return this.rankings.publish(user, id, dto.runId);
  }

  /** The published ranking, for anyone: cached per published run, ETag and 304, rate limited per address. */
  @Public()
  @UseGuards(PublicThrottleGuard)
  @Get('public/periods/:year/ranking')
  async publicRanking(@Param() p: YearParam, @Query() q: PublicRankingQuery, @Res({ passthrough: true }) res: Response) {
    const { etag, body } = await this.rankings.publicRanking(p.year, q);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'public, max-age=60');
    return body;
  }

  /** An organizer's published years (`{organizer, items:[{year, name, timezone, publishedAt}]}`), for anyone; cached, rate limited. */
  @Public()
  @UseGuards(PublicThrottleGuard)
  @Get('public/organizers/:slug/periods')
  async publishedPeriods(@Param() p: OrganizerSlugParam, @Res({ passthrough: true }) res: Response) {
    const { etag, body } = await this.rankings.publishedPeriods(p.slug);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'public, max-age=60');
    return body;
  }
}
