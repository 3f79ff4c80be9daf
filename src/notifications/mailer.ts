import { mkdir, writeFile } from 'fs/promises';
import * as path from 'path';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { ENV, EnvironmentVariables } from '../config/config.module';

export interface OutgoingMail {
  /** Stable per notice, so a receiving server or client can drop a copy that a retry sent twice. */
  messageId: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

/** A refusal a retry cannot mend (no such mailbox, bad address): the notice is FAILED at once. */
export const isPermanentFailure = (err: unknown): boolean => {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 550 && code < 560;
};

/**
 * Sends mail through the SMTP server of SMTP_HOST (nodemailer), or, without one, writes every
 * message as an .eml file to MAIL_DIR (development and the demo). One pooled connection per process.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter;
  readonly mode: 'smtp' | 'files';

  constructor(@Inject(ENV) private readonly env: EnvironmentVariables) {
    this.mode = env.SMTP_HOST ? 'smtp' : 'files';
    this.transport =
      this.mode === 'smtp'
        ? createTransport({
            host: env.SMTP_HOST,
            port: env.SMTP_PORT,
            secure: env.SMTP_SECURE,
            requireTLS: env.SMTP_REQUIRE_TLS,
            auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
            tls: { rejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED },
            connectionTimeout: 10000,
            greetingTimeout: 10000,
            socketTimeout: 30000,
          })
        : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Sends one message; throws (an Error with the server's answer) when it is refused or the server is unreachable. */
  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.env.SMTP_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    if (this.mode === 'files') {
      await mkdir(this.env.MAIL_DIR, { recursive: true });
      const name = mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
      await writeFile(path.join(this.env.MAIL_DIR, `${name}.eml`), (info as unknown as { message: Buffer }).message);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
