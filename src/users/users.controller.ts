import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ConflictsService } from './conflicts.service';
import { CreateUserDto, DeclareConflictDto, UpdateUserDto, UserQuery } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly conflicts: ConflictsService,
  ) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: UserQuery) {
    return this.users.list(user, q);
  }

  /** An explicit conflict of interest of an assessor or panelist with a public body. */
  @Post(':id/conflicts')
  declareConflict(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: DeclareConflictDto) {
    return this.conflicts.declare(user, id, dto);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(user, id, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.users.get(user, id);
  }
}
