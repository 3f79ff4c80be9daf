import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { unprocessable } from '../common/errors';
import { EvidenceErrorCode } from './saq.errors';

const MultipartFile = FileInterceptor('file');

/**
 * Multipart field `file`, limited by the module's multer options (EVIDENCE_MAX_BYTES). An oversized
 * file is a domain refusal (422 naming the limit), not a transport error.
 */
@Injectable()
export class EvidenceFileInterceptor extends MultipartFile implements NestInterceptor {
  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(ctx, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) throw unprocessable(EvidenceErrorCode.TOO_LARGE, 'The file is larger than the evidence limit', { reason: 'TOO_LARGE' });
      throw e;
    }
  }
}
