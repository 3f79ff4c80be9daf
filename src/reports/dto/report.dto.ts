import { IsOptional } from 'class-validator';
import { IsId } from '../../common/id';

/** Which ranking run a report reads: the given one (a DONE run of the period), else the published, else the latest DONE. */
export class ReportQuery {
  @IsOptional()
  @IsId()
  runId?: string;
}
