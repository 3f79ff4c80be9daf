import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';

export const LOGIN_THROTTLER = 'login';
export const PUBLIC_THROTTLER = 'public';

/** Login attempts per e-mail and client address. */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  protected async getTracker(req: Record<string, any>): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${req.ip}|${email}`;
  }

  protected async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    return props.throttler.name === LOGIN_THROTTLER ? super.handleRequest(props) : true;
  }
}

/** Public (unauthenticated) endpoints, per client address. */
@Injectable()
export class PublicThrottleGuard extends ThrottlerGuard {
  protected async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    return props.throttler.name === PUBLIC_THROTTLER ? super.handleRequest(props) : true;
  }
}
