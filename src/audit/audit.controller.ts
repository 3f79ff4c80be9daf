import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { IsId } from '../common/id';
import { Page, PageQuery, paginatedDto } from '../common/pagination';
import { IsInstant } from '../common/validation';
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

  @IsOptional()
  @IsId()
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  /** Rows written at or after this instant. */
  @IsOptional()
  @IsInstant()
  from?: string;

  /** Rows written before this instant. */
  @IsOptional()
  @IsInstant()
  to?: string;
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
