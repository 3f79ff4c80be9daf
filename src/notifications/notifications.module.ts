import { Module } from '@nestjs/common';
import { RateLimitStoreModule } from '../auth/rate-limit-store';
import { OrganizersModule } from '../organizers/organizers.module';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { RankingsModule } from '../rankings/rankings.module';
import { SaqModule } from '../saq/saq.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { AccountsService } from './accounts.service';
import { InvitationBatchesService } from './invitation-batches.service';
import { Mailer } from './mailer';
import { NoticesService } from './notices.service';
import { AccountController, NotificationsController } from './notifications.controller';
import { DeliverNotificationHandler, InviteParticipantsHandler, NoticeTickHandler, RequestPasswordResetHandler } from './notifications.handlers';
import { OutboxService } from './outbox.service';

/** Invitations, password resets, reminders and notices by e-mail: the outbox, its templates and the SMTP (or .eml) transport. */
@Module({
  imports: [RateLimitStoreModule, UsersModule, OrganizersModule, PublicBodiesModule, PeriodsModule, SaqModule, VerificationModule, RankingsModule],
  controllers: [NotificationsController, AccountController],
  providers: [
    Mailer,
    OutboxService,
    AccountsService,
    InvitationBatchesService,
    NoticesService,
    DeliverNotificationHandler,
    InviteParticipantsHandler,
    RequestPasswordResetHandler,
    NoticeTickHandler,
  ],
  exports: [DeliverNotificationHandler, InviteParticipantsHandler, RequestPasswordResetHandler, NoticeTickHandler],
})
export class NotificationsModule {}
