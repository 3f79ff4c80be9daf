import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'async_hooks';
import { Observable } from 'rxjs';

/** Per-request values that deep code needs without threading them through every call (audit rows). */
export interface RequestContext {
  requestId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

/**
 * Runs each handler inside the request's context. An interceptor rather than a middleware: a store
 * entered in an Express middleware is lost once the body parser resumes on the socket's own async
 * context, and only here is the request id (set by pino-http) known. The handler runs when the
 * observable is subscribed, so the subscription is what goes inside `run`.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<{ id?: string | number }>();
    const store: RequestContext = { requestId: req?.id === undefined ? undefined : String(req.id) };
    return new Observable((subscriber) => requestContext.run(store, () => next.handle().subscribe(subscriber)));
  }
}
