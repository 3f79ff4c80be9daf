import { IsOptional, IsString, Matches } from 'class-validator';

/** Which ranking run a report reads: the given one (a DONE run of the period), else the published, else the latest DONE. */
export class ReportQuery {
  @IsOptional() @IsString() @Matches(/^[1-9][0-9]{0,19}$/, { message: 'runId must be an id' })
  runId?: string;
}
