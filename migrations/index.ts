import { Foundation1764000000000 } from './1764000000000-Foundation';
import { MonevSetup1764000100000 } from './1764000100000-MonevSetup';
import { Saq1764000200000 } from './1764000200000-Saq';
import { Verification1764000300000 } from './1764000300000-Verification';
import { Panel1764000400000 } from './1764000400000-Panel';
import { Rankings1764000500000 } from './1764000500000-Rankings';
import { Certificates1764000600000 } from './1764000600000-Certificates';
import { AnswerAudit1764000700000 } from './1764000700000-AnswerAudit';
import { JobReconcile1765000300000 } from './1765000300000-JobReconcile';
import { UserTokenVersion1765000400000 } from './1765000400000-UserTokenVersion';
import { RefreshTokens1765000500000 } from './1765000500000-RefreshTokens';
import { VisitorAssignments1765100000000 } from './1765100000000-VisitorAssignments';
import { AuditFilters1765200000000 } from './1765200000000-AuditFilters';
import { AnswerActivityIndex1765200100000 } from './1765200100000-AnswerActivityIndex';
import { Notifications1765400000000 } from './1765400000000-Notifications';
import { AnswerSaveGuard1765500000000 } from './1765500000000-AnswerSaveGuard';

/** Every migration in order; the data source (app, CLI, tests) reads this list. */
export const migrations = [
  Foundation1764000000000,
  MonevSetup1764000100000,
  Saq1764000200000,
  Verification1764000300000,
  Panel1764000400000,
  Rankings1764000500000,
  Certificates1764000600000,
  AnswerAudit1764000700000,
  JobReconcile1765000300000,
  UserTokenVersion1765000400000,
  RefreshTokens1765000500000,
  VisitorAssignments1765100000000,
  AuditFilters1765200000000,
  AnswerActivityIndex1765200100000,
  Notifications1765400000000,
  AnswerSaveGuard1765500000000,
];
