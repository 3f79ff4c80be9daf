import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { ParseIdPipe } from '../common/id';
import { Page, paginatedDto } from '../common/pagination';
import { ConflictsService } from './conflicts.service';
import { ConflictDto, CreateUserDto, DeclareConflictDto, UpdateUserDto, UserDto, UserQuery } from './dto/user.dto';
import { UserErrorCode } from './users.errors';
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

  @ApiCreatedResponse({ type: UserDto })
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(user, dto);
  }

  @ApiOkResponse({ type: paginatedDto(UserDto) })
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: UserQuery): Promise<Page<UserDto>> {
    return this.users.list(user, q);
  }

  /** An explicit conflict of interest of an assessor or panelist with a public body. */
  @ApiCreatedResponse({ type: ConflictDto })
  @Post(':id/conflicts')
  declareConflict(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(UserErrorCode.NOT_FOUND, 'User')) id: string, @Body() dto: DeclareConflictDto): Promise<ConflictDto> {
    return this.conflicts.declare(user, id, dto);
  }

  @ApiOkResponse({ type: UserDto })
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(UserErrorCode.NOT_FOUND, 'User')) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(user, id, dto);
  }

  @ApiOkResponse({ type: UserDto })
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(UserErrorCode.NOT_FOUND, 'User')) id: string): Promise<UserDto> {
    return this.users.get(user, id);
  }
}
