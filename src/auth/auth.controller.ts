import { Body, Controller, Get, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public } from '../common/auth-user';
import { UserDto } from '../users/dto/user.dto';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { FailedLoginLimitInterceptor, LoginThrottleGuard } from './throttle';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottleGuard)
  @UseInterceptors(FailedLoginLimitInterceptor)
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @Post('login')
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto);
  }

  /** Changes the caller's password; every token issued before is refused from then on, the answer carries a new one. */
  @ApiBearerAuth()
  @UseInterceptors(FailedLoginLimitInterceptor)
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'a new token; the earlier ones are refused from now on' })
  @Post('password')
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<LoginResponseDto> {
    return this.auth.changePassword(user, dto);
  }

  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user);
  }
}
