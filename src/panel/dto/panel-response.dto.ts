import { ApiBool, ApiEnum, ApiExactDecimal, ApiId, ApiIds, ApiInt, ApiNested, ApiScore, ApiText, ApiTexts } from '../../common/api-schema';
import { PeriodFinalistRuleDto } from '../../periods/dto/period.dto';
import { STAGES, Stage } from '../../periods/stage-machine';
import { PublicBodyRefDto } from '../../saq/dto/participation.dto';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '../../saq/entities/participation.entity';

export class FinalistDto {
  @ApiId() participationId: string;
  @ApiText() categoryCode: string;
  @ApiScore() saqScore: string;
  @ApiExactDecimal() saqScoreExact: string;
}

export class FinalistSelectionDto {
  @ApiNested(() => PeriodFinalistRuleDto) rule: PeriodFinalistRuleDto;
  @ApiInt() total: number;
  @ApiNested(() => FinalistDto, { isArray: true }) items: FinalistDto[];
}

export class PanelAssignmentResultDto {
  @ApiId() panelistId: string;
  @ApiIds() participationIds: string[];
  @ApiInt({ description: 'assignments that did not exist before' }) added: number;
}

export class VisitorAssignmentResultDto {
  @ApiId() assessorId: string;
  @ApiIds() participationIds: string[];
  @ApiInt({ description: 'assignments that did not exist before' }) added: number;
}

export class PanelistScoresDto {
  @ApiId() id: string;
  @ApiText() name: string;
  @ApiScore({ nullable: true }) visitation: string | null;
  @ApiScore({ nullable: true }) presentation: string | null;
}

export class VisitorStatusDto {
  @ApiId() id: string;
  @ApiText() name: string;
  @ApiScore({ nullable: true }) visitation: string | null;
  @ApiBool({ description: 'whether this visitor has scored the visitation' }) scored: boolean;
}

export class PanelOverviewItemDto {
  @ApiId() participationId: string;
  @ApiText({ description: "the body's name" }) publicBody: string;
  @ApiText() categoryCode: string;
  @ApiNested(() => PanelistScoresDto, { isArray: true }) panelists: PanelistScoresDto[];
  @ApiTexts({ description: 'names of assigned panelists without a visitation score' }) missingVisitation: string[];
  @ApiTexts({ description: 'names of assigned panelists without a presentation sheet' }) missingPresentation: string[];
  @ApiNested(() => VisitorStatusDto, { isArray: true, description: 'assessors assigned to visit this finalist, by name' }) visitors: VisitorStatusDto[];
}

export class CriterionScoreViewDto {
  @ApiText() code: string;
  @ApiScore() score: string;
}

export class OwnVisitationDto {
  @ApiScore() score: string;
  @ApiText({ nullable: true }) findings: string | null;
  @ApiInt() version: number;
}

export class OwnPresentationSheetDto {
  @ApiNested(() => CriterionScoreViewDto, { isArray: true }) criteria: CriterionScoreViewDto[];
  @ApiScore() total: string;
  @ApiText({ nullable: true }) note: string | null;
  @ApiInt() version: number;
}

export class PanelFinalistDto {
  @ApiId() participationId: string;
  @ApiId() periodId: string;
  @ApiInt() periodYear: number;
  @ApiEnum(STAGES, { enumName: 'Stage' }) stage: Stage;
  @ApiNested(() => PublicBodyRefDto) publicBody: PublicBodyRefDto;
  @ApiText() categoryCode: string;
  @ApiEnum(PARTICIPATION_STATUSES, { enumName: 'ParticipationStatus' }) status: ParticipationStatus;
  @ApiNested(() => OwnVisitationDto, { nullable: true, description: "this panelist's visitation score" }) visitation: OwnVisitationDto | null;
  @ApiNested(() => OwnPresentationSheetDto, { nullable: true, description: "this panelist's presentation sheet" }) presentation: OwnPresentationSheetDto | null;
  @ApiScore({ nullable: true, description: "the mean of the body's visitors' scores so far" }) bodyVisitationScore: string | null;
  @ApiScore({ nullable: true, description: "the mean of the body's panelists' presentation totals so far" }) bodyPresentationScore: string | null;
}

export class VisitationResultDto {
  @ApiId() participationId: string;
  @ApiScore() score: string;
  @ApiText({ nullable: true }) findings: string | null;
  @ApiInt() version: number;
  @ApiScore({ nullable: true, description: "the mean of the body's panelists' scores" }) bodyVisitationScore: string | null;
}

export class PresentationResultDto {
  @ApiId() participationId: string;
  @ApiNested(() => CriterionScoreViewDto, { isArray: true }) criteria: CriterionScoreViewDto[];
  @ApiScore() total: string;
  @ApiExactDecimal() totalExact: string;
  @ApiText({ nullable: true }) note: string | null;
  @ApiInt() version: number;
  @ApiScore({ nullable: true, description: "the mean of the body's panelists' totals" }) bodyPresentationScore: string | null;
  @ApiExactDecimal({ nullable: true }) bodyPresentationScoreExact: string | null;
}
