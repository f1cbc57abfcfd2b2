import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditRepository } from './audit.repository';
import { AuditWriter } from './audit-writer';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditWriter, AuditRepository, AuditQueryService],
  exports: [AuditWriter],
})
export class AuditModule {}
