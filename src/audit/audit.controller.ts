import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Page, PageQuery, paginatedDto } from '../common/pagination';
import { AuditService } from './audit.service';
import { AuditEntryDto } from './dto/audit-entry.dto';

export class AuditQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityId?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin')
  @ApiOkResponse({ type: paginatedDto(AuditEntryDto) })
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery): Promise<Page<AuditEntryDto>> {
    return this.audit.list(user, q);
  }
}
