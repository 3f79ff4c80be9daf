import { createHash } from 'crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PanelScoresReader } from '../panel/panel-scores-reader';
import { Period } from '../periods/entities/period.entity';
import { RegistryNames } from '../public-bodies/registry-names';
import { ParticipationRecords } from '../saq/participation-records';
import { VerifiedScoresReader } from '../verification/verified-scores';

export { foldRows } from '../database/fold-rows';

/**
 * A fingerprint of everything a ranking depends on: the period's scoring settings, the finalists,
 * verified points per aspect (objections applied), participation and category of every body, the
 * names shown, and the panel's scores, each folded by its owner's read interface. A few set-based
 * queries; unchanged inputs give the same hash.
 */
@Injectable()
export class RankingInputs {
  constructor(
    private readonly participations: ParticipationRecords,
    private readonly names: RegistryNames,
    private readonly verified: VerifiedScoresReader,
    private readonly panel: PanelScoresReader,
  ) {}

  async hash(em: EntityManager, period: Period): Promise<string> {
    const ids = await this.participations.idsOfPeriod(em, period.id);
    const data = await Promise.all([
      this.participations.fingerprint(em, period.id),
      this.names.fingerprint(em, period.organizerId),
      this.verified.fingerprint(em, ids),
      this.panel.fingerprint(em, period.id, ids),
    ]);
    const settings = {
      weights: [period.weightSaq, period.weightVisitation, period.weightPresentation],
      bands: period.bands,
      rubric: period.presentationRubric,
      rule: [period.finalistRuleType, period.finalistRuleValue],
    };
    return createHash('sha256')
      .update(JSON.stringify({ settings, data: data.flat() }))
      .digest('hex');
  }
}
