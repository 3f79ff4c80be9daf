import { HttpStatus } from '@nestjs/common';
import { EarlyRoute, JsonRouteDeps, serveJson } from '../common/early-routes';
import { SAVE_ANSWER_BODY } from './answer-input';
import { PARTICIPATION_ID, ParticipationsController } from './participations.controller';

const ROUTE = { status: HttpStatus.OK, target: [ParticipationsController.prototype.saveAnswer, ParticipationsController] };

/**
 * `PUT /participations/:id/answers/:questionCode`, the deadline night's hottest write, in front of
 * Express (common/early-routes.ts): the same guards' checks, the same id and body pipes,
 * then the controller method itself, errors through the one exception filter. Only the canonical URL
 * is taken (no query string, no trailing slash, well-formed escapes); any other form goes to Express.
 */
export function answerSaveEarlyRoute(prefix: string, controller: ParticipationsController, deps: JsonRouteDeps): EarlyRoute {
  const pattern = new RegExp(`^/${prefix}/participations/([^/?#]+)/answers/([^/?#]+)$`);
  return (req, res) => {
    if (req.method !== 'PUT') return false;
    const match = pattern.exec(req.url!);
    if (!match) return false;
    let id: string, questionCode: string;
    try {
      [id, questionCode] = [decodeURIComponent(match[1]), decodeURIComponent(match[2])];
    } catch {
      return false;
    }
    serveJson(deps, req, res, ROUTE, async (user, body) => {
      const participationId = PARTICIPATION_ID.transform(id);
      return controller.saveAnswer(user, participationId, questionCode, SAVE_ANSWER_BODY.transform(body));
    });
    return true;
  };
}
