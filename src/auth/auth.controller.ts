import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, Public } from '../common/auth-user';
import { UserDto } from '../users/dto/user.dto';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { LoginDto } from './dto/login.dto';
import { clearSessionCookie, readSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie';
import { FailedLoginLimitInterceptor, LoginThrottleGuard, RefreshThrottleGuard } from './throttle';

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
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const answer = await this.auth.login(dto);
    // Also a browser session: the refresh cookie (API clients ignore it and keep the bearer token).
    setSessionCookie(req, res, await this.auth.startBrowserSession(answer.user));
    return answer;
  }

  /**
   * The browser session's new access token: the refresh cookie is rotated (a new one is set); a
   * replayed old cookie ends the whole session. 401 once the session has ended.
   */
  @Public()
  @ApiCookieAuth(SESSION_COOKIE)
  @UseGuards(RefreshThrottleGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'a new access token; the refresh cookie is rotated' })
  @Post('refresh')
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    try {
      const { refreshToken, ...answer } = await this.auth.refresh(readSessionCookie(req));
      setSessionCookie(req, res, refreshToken);
      return answer;
    } catch (err) {
      clearSessionCookie(req, res);
      throw err;
    }
  }

  /** Ends the browser session of the refresh cookie and clears it; 204 whether or not there was one. */
  @Public()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiNoContentResponse()
  @HttpCode(204)
  @Post('logout')
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(readSessionCookie(req));
    clearSessionCookie(req, res);
  }

  /**
   * Changes the caller's password; every token and browser session issued before is refused from then
   * on. The answer carries a new token, and a caller signed in by cookie gets a new session cookie.
   */
  @ApiBearerAuth()
  @UseInterceptors(FailedLoginLimitInterceptor)
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'a new token; the earlier ones are refused from now on' })
  @Post('password')
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const answer = await this.auth.changePassword(user, dto);
    if (readSessionCookie(req)) setSessionCookie(req, res, await this.auth.startBrowserSession(answer.user));
    return answer;
  }

  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user);
  }
}
