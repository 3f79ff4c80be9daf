import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { PageQuery } from '../common/pagination';
import { AuditService } from './audit.service';

export class AuditQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(40)
  entityType?: string;

  @IsOptional() @IsString() @MaxLength(40)
  entityId?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery) {
    return this.audit.list(user, q);
  }
}
