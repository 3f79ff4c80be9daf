import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiBool, ApiEnum, ApiId, ApiInstant, ApiInt, ApiNested, ApiText } from '../../common/api-schema';
import { IsId } from '../../common/id';
import { PageQuery } from '../../common/pagination';
import { trimLower } from '../../common/validation';
import { Occasion, OCCASIONS } from '../templates';

export const NOTIFICATION_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const LINK_PURPOSES = ['ACTIVATION', 'RESET'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];
export const STAFF_ROLES = ['admin', 'assessor', 'panelist'] as const;

/** One message of the outbox. */
export class NotificationDto {
  @ApiId() id: string;
  @ApiId({ nullable: true }) periodId: string | null;
  @ApiId({ nullable: true }) userId: string | null;
  @ApiText() recipientEmail: string;
  @ApiText() recipientName: string;
  @ApiEnum(OCCASIONS, { enumName: 'NotificationOccasion' }) occasion: Occasion;
  @ApiText({ description: 'the occasion in Indonesian' }) occasionLabel: string;
  @ApiText() subject: string;
  @ApiEnum(NOTIFICATION_STATUSES, { enumName: 'NotificationStatus' }) status: NotificationStatus;
  @ApiInt() attempts: number;
  @ApiText({ nullable: true }) lastError: string | null;
  @ApiInstant() createdAt: string;
  @ApiInstant({ nullable: true }) sentAt: string | null;
}

export class NotificationQuery extends PageQuery {
  @IsOptional()
  @IsId()
  periodId?: string;

  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: `status must be one of ${NOTIFICATION_STATUSES.join(', ')}` })
  status?: NotificationStatus;

  @IsOptional()
  @IsIn(OCCASIONS, { message: `occasion must be one of ${OCCASIONS.join(', ')}` })
  occasion?: Occasion;
}

/** Who to invite: a body's PPID (by the registry's official e-mail) or a staff member. */
export class InviteDto {
  /** The body whose PPID is invited at the registry's official e-mail. */
  @IsOptional()
  @IsId()
  publicBodyId?: string;

  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsIn(STAFF_ROLES, { message: `role must be one of ${STAFF_ROLES.join(', ')} (a PPID is invited by publicBodyId)` })
  role?: (typeof STAFF_ROLES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(300)
  affiliation?: string;
}

export class InvitationDto {
  @ApiId() userId: string;
  @ApiText() email: string;
  @ApiId() notificationId: string;
  @ApiInstant() expiresAt: string;
  @ApiBool({ description: 'whether the account was created by this invitation' }) created: boolean;
}

export class InvitationBatchQueuedDto {
  @ApiId() batchId: string;
  @ApiInt() total: number;
}

export class InvitationFailureDto {
  @ApiId() publicBodyId: string;
  @ApiText() publicBodyName: string;
  @ApiText({ description: 'why no invitation went out, in Indonesian' }) reason: string;
}

export class InvitationBatchDto {
  @ApiId() id: string;
  @ApiId() periodId: string;
  @ApiEnum(['RUNNING', 'DONE', 'FAILED'], { enumName: 'InvitationBatchStatus' }) status: 'RUNNING' | 'DONE' | 'FAILED';
  @ApiInt() total: number;
  @ApiInt({ description: 'bodies handled so far: invited, skipped or failed' }) processed: number;
  @ApiInt() invited: number;
  @ApiInt({ description: 'bodies whose PPID already activated its account' }) skipped: number;
  @ApiInt() failed: number;
  @ApiNested(() => InvitationFailureDto, { isArray: true }) failures: InvitationFailureDto[];
  @ApiText({ nullable: true }) error: string | null;
  @ApiInstant() createdAt: string;
  @ApiInstant({ nullable: true }) finishedAt: string | null;
}

/** An enrolled body and where its PPID's invitation stands. */
export class BodyInvitationDto {
  @ApiId() participationId: string;
  @ApiId() publicBodyId: string;
  @ApiText() publicBodyName: string;
  @ApiText({ nullable: true, description: "the registry's official e-mail" }) officialEmail: string | null;
  @ApiId({ nullable: true }) userId: string | null;
  @ApiText({ nullable: true }) accountEmail: string | null;
  @ApiBool() activated: boolean;
  @ApiInstant({ nullable: true }) invitedAt: string | null;
  @ApiInstant({ nullable: true }) linkExpiresAt: string | null;
  @ApiEnum(NOTIFICATION_STATUSES, { nullable: true, enumName: 'NotificationStatus' }) mailStatus: NotificationStatus | null;
}

export class LinkInfoDto {
  @ApiEnum(LINK_PURPOSES, { enumName: 'AccountLinkPurpose' }) purpose: LinkPurpose;
  @ApiText() email: string;
  @ApiText() name: string;
  @ApiInstant() expiresAt: string;
}

export class SetPasswordDto {
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;
}

export class PasswordSetDto {
  @ApiText() email: string;
}

export class ResetRequestDto {
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;
}

export class ResetRequestedDto {
  @ApiText({ description: 'the same answer whether or not the address has an account' }) message: string;
}
