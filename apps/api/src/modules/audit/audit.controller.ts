import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@api/common/auth/access.decorators';
import { Ctx, RequestContext } from '@api/common/request/request-context';
import { AuditQueryService } from './audit-query.service';
import { AuditFilterDto, AuditQueryDto } from './dto/audit-query.dto';
import { AuditPageDto, AuditVerifyDto } from './dto/audit-event.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AuditPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(ctx.organizationId, query);
  }

  @Get('verify')
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(@Ctx() ctx: RequestContext): Promise<AuditVerifyDto> {
    return this.audit.verify(ctx.organizationId);
  }

  @Get('export')
  @RequirePermission('audit:read')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'One audit event per line, oldest first' })
  @Header('cache-control', 'no-store')
  export(@Ctx() ctx: RequestContext, @Query() filter: AuditFilterDto, @Res() reply: FastifyReply): void {
    void reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', 'attachment; filename="keygate-audit.ndjson"')
      .send(this.audit.exportNdjson(ctx.organizationId, filter));
  }
}
