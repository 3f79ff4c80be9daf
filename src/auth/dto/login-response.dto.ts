import { ApiEnum, ApiId, ApiNested, ApiText } from '../../common/api-schema';
import { ROLES, Role } from '../../common/auth-user';

export class LoginUserDto {
  @ApiId() id: string;
  @ApiText() email: string;
  @ApiText() name: string;
  @ApiEnum(ROLES, { enumName: 'Role' }) role: Role;
  @ApiId({ nullable: true }) publicBodyId: string | null;
  @ApiId() organizerId: string;
}

export class LoginResponseDto {
  @ApiText({ description: 'a short-lived bearer token' }) accessToken: string;
  @ApiEnum(['Bearer']) tokenType: 'Bearer';
  @ApiNested(() => LoginUserDto) user: LoginUserDto;
}
