import { Type as ToType } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiBool, ApiEnum, ApiId, ApiInstant, ApiInt, ApiNested, ApiScore, ApiText } from '../../common/api-schema';
import { PageQuery } from '../../common/pagination';
import { STAGES, Stage } from '../../periods/stage-machine';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '../entities/participation.entity';
import { MONITORING_SORTS, MONITORING_STATES, MonitoringSort, MonitoringState, SORT_ORDERS, SortOrder } from '../monitoring-rules';
import { PublicBodyRefDto } from './participation.dto';

export class MonitoringQuery extends PageQuery {
  @IsOptional()
  @IsIn(MONITORING_STATES)
  state?: MonitoringState;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  categoryCode?: string;

  /** Only bodies whose deadline is still ahead and at most this many days away ("3 days left"). */
  @IsOptional()
  @ToType(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  deadlineWithinDays?: number;

  @IsOptional()
  @IsIn(MONITORING_SORTS)
  sort?: MonitoringSort;

  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}

export class StateCountsDto {
  @ApiInt({ description: 'INVITED: belum mulai' }) notStarted: number;
  @ApiInt({ description: 'IN_PROGRESS: mengisi' }) inProgress: number;
  @ApiInt({ description: 'SUBMITTED and every later status: terkirim' }) submitted: number;
  @ApiInt({ description: 'NOT_PARTICIPATING: never submitted when the SAQ closed' }) notParticipating: number;
  @ApiInt() total: number;
  @ApiScore({ description: 'submitted / total, in percent' }) submittedPercent: string;
}

export class CategoryCountsDto extends StateCountsDto {
  @ApiText() categoryCode: string;
  @ApiText() categoryName: string;
}

export class MonitoringProgressDto {
  @ApiInt() answered: number;
  @ApiInt({ description: "questions that apply to the body's category" }) total: number;
  @ApiScore({ description: 'answered / total, in percent' }) percent: string;
}

export class MonitoringRowDto {
  @ApiId() participationId: string;
  @ApiNested(() => PublicBodyRefDto) publicBody: PublicBodyRefDto;
  @ApiText() categoryCode: string;
  @ApiEnum(PARTICIPATION_STATUSES, { enumName: 'ParticipationStatus' }) status: ParticipationStatus;
  @ApiEnum(MONITORING_STATES, { enumName: 'MonitoringState' }) state: MonitoringState;
  @ApiNested(() => MonitoringProgressDto) progress: MonitoringProgressDto;
  @ApiInstant({ nullable: true, description: 'the latest answer save, evidence upload, start or submit' }) lastActivityAt: string | null;
  @ApiInstant({ nullable: true, description: "the body's own deadline when extended, else the SAQ window's end" }) deadline: string | null;
  @ApiBool() deadlineExtended: boolean;
  @ApiInstant({ nullable: true }) submittedAt: string | null;
}

export class MonitoringWindowDto {
  @ApiInstant() opensAt: string;
  @ApiInstant() closesAt: string;
}

/** The SAQ of a whole period at a glance: counts per category and one page of its bodies. */
export class MonitoringDto {
  @ApiId() periodId: string;
  @ApiEnum(STAGES, { enumName: 'Stage' }) stage: Stage;
  @ApiText({ example: 'Asia/Jakarta' }) timezone: string;
  @ApiNested(() => MonitoringWindowDto, { nullable: true }) saqWindow: MonitoringWindowDto | null;
  @ApiInstant({ description: "the server's clock when this was read (what 'days left' counts from)" }) generatedAt: string;
  @ApiNested(() => StateCountsDto, { description: 'every participant of the period' }) overall: StateCountsDto;
  @ApiNested(() => CategoryCountsDto, { isArray: true }) categories: CategoryCountsDto[];
  @ApiNested(() => MonitoringRowDto, { isArray: true, description: 'the filtered, sorted page' }) items: MonitoringRowDto[];
  @ApiInt({ description: 'rows that match the filters' }) total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}
