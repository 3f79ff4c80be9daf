import { AddressInfo } from 'net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * A real SMTP server in the test process that keeps every message it accepted, parsed. A message
 * counts only once the server answered 250 on a connection still open (a sender killed before the
 * answer did not send it). It can refuse the next recipients (451, a temporary failure) and hold
 * each answer for a while.
 */
export class SmtpCapture {
  readonly mails: CapturedMail[] = [];
  private server!: SMTPServer;
  private refusals = 0;
  private holdMs = 0;
  private readonly closed = new Set<string>();
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onClose: (session) => this.closed.add(session.id),
      onRcptTo: (_address, _session, callback) => {
        if (this.refusals > 0) {
          this.refusals--;
          const err = Object.assign(new Error('4.3.2 Layanan sementara tidak tersedia, coba lagi nanti'), { responseCode: 451 });
          return callback(err);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            if (this.holdMs) await new Promise((r) => setTimeout(r, this.holdMs));
            if (this.closed.has(session.id)) return callback(new Error('connection closed'));
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            this.mails.push({
              to: to?.value[0]?.address ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** The next `n` recipients are refused with 451 (Infinity: every one). */
  refuse(n: number): void {
    this.refusals = n;
  }

  /** Each message is answered only after `ms` (0: at once). */
  hold(ms: number): void {
    this.holdMs = ms;
  }

  to(address: string): CapturedMail[] {
    return this.mails.filter((m) => m.to === address.toLowerCase());
  }

  /** The one-time link of a captured invitation or reset. */
  static linkIn(mail: CapturedMail): string {
    const m = /https?:\/\/\S+\/(?:aktivasi|atur-ulang-sandi)\/([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!m) throw new Error(`no link in: ${mail.text}`);
    return m[0];
  }

  /** The SMTP settings of the app under test. */
  env(): Record<string, string> {
    return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(this.port), SMTP_FROM: 'Monev KIP Uji <monev@ki-uji.test>' };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
