import { ApiEnum } from '../../common/api-schema';

export const HEALTH_STATES = ['ok', 'down'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export class HealthDto {
  @ApiEnum(HEALTH_STATES) status: HealthState;
  @ApiEnum(HEALTH_STATES) db: HealthState;
  @ApiEnum(HEALTH_STATES) redis: HealthState;
}
