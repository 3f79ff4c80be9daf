import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParticipationErrorCode } from '../access/access.errors';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { Items, itemsDto } from '../common/pagination';
import { PeriodErrorCode } from '../periods/periods.errors';
import {
  FinalistSelectionDto,
  PanelAssignmentResultDto,
  PanelFinalistDto,
  PanelOverviewItemDto,
  PresentationResultDto,
  VisitationResultDto,
  VisitorAssignmentResultDto,
} from './dto/panel-response.dto';
import { PanelAssignDto, PresentationDto, VisitationDto, VisitorAssignDto } from './dto/panel.dto';
import { PanelService } from './panel.service';

@ApiTags('panel')
@ApiBearerAuth()
@Controller()
export class PanelController {
  constructor(private readonly panel: PanelService) {}

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: FinalistSelectionDto })
  @Post('periods/:id/finalists')
  finalists(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<FinalistSelectionDto> {
    return this.panel.selectFinalists(user, id);
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: PanelAssignmentResultDto })
  @Post('periods/:id/panel')
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string,
    @Body() dto: PanelAssignDto,
  ): Promise<PanelAssignmentResultDto> {
    return this.panel.assign(user, id, dto);
  }

  /** Assessors who visit finalists: the visitation form only, conflicts of interest refused (409). */
  @Roles('admin')
  @ApiCreatedResponse({ type: VisitorAssignmentResultDto })
  @Post('periods/:id/visitors')
  assignVisitors(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string,
    @Body() dto: VisitorAssignDto,
  ): Promise<VisitorAssignmentResultDto> {
    return this.panel.assignVisitors(user, id, dto);
  }

  /** Admin view: finalists, their panelists, and who has not scored whom. */
  @Roles('admin')
  @ApiOkResponse({ type: itemsDto(PanelOverviewItemDto) })
  @Get('periods/:id/panel')
  overview(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<Items<PanelOverviewItemDto>> {
    return this.panel.overview(user, id);
  }

  @Roles('panelist')
  @ApiOkResponse({ type: itemsDto(PanelFinalistDto) })
  @Get('panel/mine')
  mine(@CurrentUser() user: AuthUser): Promise<Items<PanelFinalistDto>> {
    return this.panel.mine(user);
  }

  /** An assessor's finalists to visit, in the shape of panel/mine (no presentation sheet). */
  @Roles('assessor')
  @ApiOkResponse({ type: itemsDto(PanelFinalistDto) })
  @Get('visits/mine')
  visits(@CurrentUser() user: AuthUser): Promise<Items<PanelFinalistDto>> {
    return this.panel.mine(user);
  }

  @Roles('panelist', 'assessor')
  @ApiOkResponse({ type: VisitationResultDto })
  @Put('participations/:id/visitation')
  visitation(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string,
    @Body() dto: VisitationDto,
  ): Promise<VisitationResultDto> {
    return this.panel.visitation(user, id, dto);
  }

  @Roles('panelist')
  @ApiOkResponse({ type: PresentationResultDto })
  @Put('participations/:id/presentation-scores')
  presentation(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe(ParticipationErrorCode.NOT_FOUND, 'Participation')) id: string,
    @Body() dto: PresentationDto,
  ): Promise<PresentationResultDto> {
    return this.panel.presentation(user, id, dto);
  }
}
