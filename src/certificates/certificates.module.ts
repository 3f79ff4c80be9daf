import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { PeriodsModule } from '../periods/periods.module';
import { RankingsModule } from '../rankings/rankings.module';
import { CertificateFactsReader } from './certificate-facts';
import { CertificatesController } from './certificates.controller';
import { CertificatesJobHandler } from './certificates.handler';
import { CertificatesReconciler } from './certificates.reconciler';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [AccessModule, PeriodsModule, RankingsModule, OrganizersModule],
  controllers: [CertificatesController],
  providers: [CertificateFactsReader, CertificatesService, CertificatesJobHandler, CertificatesReconciler],
  exports: [CertificatesJobHandler, CertificatesReconciler],
})
export class CertificatesModule {}
