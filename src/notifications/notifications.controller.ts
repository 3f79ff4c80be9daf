import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RateLimitStore } from '../auth/rate-limit-store';
import { PublicThrottleGuard } from '../auth/throttle';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { tooManyRequests } from '../common/errors';
import { ParseIdPipe } from '../common/id';
import { itemsDto, Items, Page, paginatedDto } from '../common/pagination';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import { JobName } from '../jobs/jobs.types';
import { PeriodErrorCode } from '../periods/periods.errors';
import { UserErrorCode } from '../users/users.errors';
import { AccountsService } from './accounts.service';
import {
  BodyInvitationDto,
  InvitationBatchDto,
  InvitationBatchQueuedDto,
  InvitationDto,
  InviteDto,
  LinkInfoDto,
  NotificationDto,
  NotificationQuery,
  PasswordSetDto,
  ResetRequestDto,
  ResetRequestedDto,
  SetPasswordDto,
} from './dto/notification.dto';
import { InvitationBatchesService } from './invitation-batches.service';
import { NotificationErrorCode } from './notifications.errors';
import { OutboxService } from './outbox.service';

export const RESET_REQUESTED = 'Jika alamat ini terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim ke e-mail tersebut.';

/** The admin's side: invitations, invitation batches and the outbox, all within the caller's organizer. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class NotificationsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly batches: InvitationBatchesService,
    private readonly outbox: OutboxService,
  ) {}

  @ApiCreatedResponse({ type: InvitationDto })
  @Post('invitations')
  invite(@CurrentUser() user: AuthUser, @Body() dto: InviteDto): Promise<InvitationDto> {
    return this.accounts.invite(user, dto);
  }

  @HttpCode(201)
  @ApiCreatedResponse({ type: InvitationDto, description: 'a new activation link; the earlier one stops working' })
  @Post('users/:id/invitation')
  reinvite(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(UserErrorCode.NOT_FOUND, 'User')) id: string): Promise<InvitationDto> {
    return this.accounts.reinvite(user, id);
  }

  @HttpCode(202)
  @ApiAcceptedResponse({ type: InvitationBatchQueuedDto })
  @Post('periods/:id/invitations')
  inviteAll(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<InvitationBatchQueuedDto> {
    return this.batches.start(user, id);
  }

  @ApiOkResponse({ type: itemsDto(BodyInvitationDto) })
  @Get('periods/:id/invitations')
  ofPeriod(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<Items<BodyInvitationDto>> {
    return this.batches.ofPeriod(user, id);
  }

  @ApiOkResponse({ type: itemsDto(InvitationBatchDto), description: "the period's latest batch (none or one)" })
  @Get('periods/:id/invitation-batches/latest')
  async latest(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PeriodErrorCode.NOT_FOUND, 'Period')) id: string): Promise<Items<InvitationBatchDto>> {
    const b = await this.batches.latest(user, id);
    return { items: b ? [b] : [] };
  }

  @ApiOkResponse({ type: InvitationBatchDto })
  @Get('invitation-batches/:id')
  batch(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(NotificationErrorCode.BATCH_NOT_FOUND, 'Invitation batch')) id: string): Promise<InvitationBatchDto> {
    return this.batches.get(user, id);
  }

  @ApiOkResponse({ type: paginatedDto(NotificationDto) })
  @Get('notifications')
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationQuery): Promise<Page<NotificationDto>> {
    return this.outbox.list(user, q);
  }

  @HttpCode(202)
  @ApiAcceptedResponse({ type: NotificationDto })
  @Post('notifications/:id/retry')
  retry(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(NotificationErrorCode.NOT_FOUND, 'Notification')) id: string): Promise<NotificationDto> {
    return this.outbox.retry(user, id);
  }
}

/** Anyone's side: the pages behind an activation or reset link, and asking for a reset. */
@ApiTags('account')
@Public()
@UseGuards(PublicThrottleGuard)
@Controller('account')
export class AccountController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly jobs: JobsService,
    private readonly limits: RateLimitStore,
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {}

  @ApiOkResponse({ type: LinkInfoDto })
  @Get('activation/:token')
  activation(@Param('token') token: string): Promise<LinkInfoDto> {
    return this.accounts.inspect(token, 'ACTIVATION');
  }

  @HttpCode(200)
  @ApiOkResponse({ type: PasswordSetDto, description: 'the account is active with this password; sign in with it' })
  @Post('activation')
  activate(@Body() dto: SetPasswordDto): Promise<PasswordSetDto> {
    return this.accounts.setPassword(dto.token, 'ACTIVATION', dto.password);
  }

  /**
   * Asks for a reset link. The same 202 whether or not the address has an account, and equally fast
   * (the lookup runs in a job); limited per address and per e-mail.
   */
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ResetRequestedDto })
  @Post('password-reset')
  async requestReset(@Body() dto: ResetRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ResetRequestedDto> {
    for (const key of [`password-reset-ip:${req.ip}`, `password-reset-email:${dto.email}`]) {
      const { count, msLeft } = await this.limits.reserve(key, this.env.PASSWORD_RESET_RATE_TTL_MS);
      if (count > this.env.PASSWORD_RESET_RATE_LIMIT) {
        res.header('Retry-After', String(Math.max(1, Math.ceil(msLeft / 1000))));
        throw tooManyRequests(NotificationErrorCode.TOO_MANY_RESET_REQUESTS, 'Too many password-reset requests; try again later');
      }
    }
    await this.jobs.enqueue(JobName.RequestPasswordReset, { organizerId: '', email: dto.email });
    return { message: RESET_REQUESTED };
  }

  @ApiOkResponse({ type: LinkInfoDto })
  @Get('password-reset/:token')
  resetLink(@Param('token') token: string): Promise<LinkInfoDto> {
    return this.accounts.inspect(token, 'RESET');
  }

  @HttpCode(200)
  @ApiOkResponse({ type: PasswordSetDto, description: 'the new password is set and every session of the account has ended' })
  @Post('password-reset/confirm')
  confirmReset(@Body() dto: SetPasswordDto): Promise<PasswordSetDto> {
    return this.accounts.setPassword(dto.token, 'RESET', dto.password);
  }
}
