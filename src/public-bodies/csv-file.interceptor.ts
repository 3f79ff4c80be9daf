import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { CSV_BODY_LIMIT_BYTES, formatByteLimit } from '../common/body-limits';
import { payloadTooLarge } from '../common/errors';
import { PublicBodyErrorCode } from './public-bodies.errors';

const MultipartCsv = FileInterceptor('file', { limits: { fileSize: CSV_BODY_LIMIT_BYTES, files: 1 } });

/** Multipart field `file` of the registry import, at most CSV_BODY_LIMIT_BYTES: larger is a 413 naming the limit. */
@Injectable()
export class CsvFileInterceptor extends MultipartCsv implements NestInterceptor {
  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(ctx, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) throw payloadTooLarge(PublicBodyErrorCode.CSV_TOO_LARGE, `The CSV file is larger than ${formatByteLimit(CSV_BODY_LIMIT_BYTES)}`);
      throw e;
    }
  }
}
