import { ApiId, ApiInstant, ApiJson, ApiText } from '../../common/api-schema';

export class AuditEntryDto {
  @ApiId() id: string;
  @ApiId({ nullable: true }) actorId: string | null;
  @ApiText({ example: 'answer.save' }) action: string;
  @ApiText({ example: 'participation' }) entityType: string;
  @ApiText() entityId: string;
  @ApiJson({ nullable: true, description: 'the state before the change' }) before: unknown;
  @ApiJson({ nullable: true, description: 'the state after the change' }) after: unknown;
  @ApiText({ nullable: true }) reason: string | null;
  @ApiText({ nullable: true }) requestId: string | null;
  @ApiInstant() at: string;
}
