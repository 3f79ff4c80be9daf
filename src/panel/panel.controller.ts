import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { PanelAssignDto, PresentationDto, VisitationDto } from './dto/panel.dto';
import { PanelService } from './panel.service';

@ApiTags('panel')
@ApiBearerAuth()
@Controller()
export class PanelController {
  constructor(private readonly panel: PanelService) {}

  @Roles('admin')
  @HttpCode(200)
  @Post('periods/:id/finalists')
  finalists(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.panel.selectFinalists(user, id);
  }

  @Roles('admin')
  @Post('periods/:id/panel')
  assign(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: PanelAssignDto) {
    return this.panel.assign(user, id, dto);
  }

  /** Admin view: finalists, their panelists, and who has not scored whom. */
  @Roles('admin')
  @Get('periods/:id/panel')
  overview(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.panel.overview(user, id);
  }

  @Roles('panelist')
  @Get('panel/mine')
  mine(@CurrentUser() user: AuthUser) {
    return this.panel.mine(user);
  }

  @Roles('panelist')
  @Put('participations/:id/visitation')
  visitation(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: VisitationDto) {
    return this.panel.visitation(user, id, dto);
  }

  @Roles('panelist')
  @Put('participations/:id/presentation-scores')
  presentation(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: PresentationDto) {
    return this.panel.presentation(user, id, dto);
  }
}
