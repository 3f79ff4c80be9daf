import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { CreateOrganizerDto, OrganizerDto, OrganizerListDto } from './dto/organizer.dto';
import { OrganizersService } from './organizers.service';

@ApiTags('organizers')
@Controller('organizers')
export class OrganizersController {
  constructor(private readonly organizers: OrganizersService) {}

  @Public()
  @ApiOkResponse({ type: OrganizerListDto })
  @Get()
  list(): Promise<OrganizerListDto> {
    return this.organizers.list();
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiCreatedResponse({ type: OrganizerDto })
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganizerDto): Promise<OrganizerDto> {
    return this.organizers.create(user, dto);
  }
}
