import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { CreateOrganizerDto } from './dto/organizer.dto';
import { OrganizersService } from './organizers.service';

@ApiTags('organizers')
@Controller('organizers')
export class OrganizersController {
  constructor(private readonly organizers: OrganizersService) {}

  @Public()
  @Get()
  list() {
    return this.organizers.list();
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganizerDto) {
    return this.organizers.create(user, dto);
  }
}
