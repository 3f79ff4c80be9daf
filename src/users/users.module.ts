import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizersModule } from '../organizers/organizers.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { ConflictsService } from './conflicts.service';
import { User } from './entities/user.entity';
import { SessionRevocation } from './session-revocation';
import { TokenStateService } from './token-state';
import { UserCredentials } from './user-credentials';
import { UsersController } from './users.controller';
import { StaffDirectory, UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), OrganizersModule, PublicBodiesModule],
  controllers: [UsersController],
  providers: [UsersService, ConflictsService, TokenStateService, UserCredentials, StaffDirectory, SessionRevocation],
  exports: [UsersService, ConflictsService, TokenStateService, UserCredentials, StaffDirectory, SessionRevocation],
})
export class UsersModule {}
