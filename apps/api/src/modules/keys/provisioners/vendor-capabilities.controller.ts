import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiExtraModels } from '@nestjs/swagger';
import { FieldEnforcementDto } from '@api/modules/keys/dto/key.dto';
import { RequirePermission } from '@api/common/auth/access.decorators';
import { Ctx, RequestContext } from '@api/common/request/request-context';
import { ConnectionCheckService } from './connection-check.service';
import { ConnectionCheckResultDto, VendorCapabilityDto } from './vendor-capabilities.dto';

@ApiTags('vendors')
@ApiExtraModels(FieldEnforcementDto)
@Controller('vendors')
export class VendorCapabilitiesController {
  constructor(private readonly checks: ConnectionCheckService) {}

  @Get('capabilities')
  @RequirePermission('vendors:read')
  @ApiOkResponse({ type: [VendorCapabilityDto], description: 'Per vendor and policy field: who enforces it (vendor, keygate or none), in one sentence' })
  capabilities(): VendorCapabilityDto[] {
    return this.checks.capabilities();
  }

  @Post('connections/:id/check')
  @HttpCode(200)
  @RequirePermission('vendors:write')
  @ApiOkResponse({ type: ConnectionCheckResultDto, description: "Checks the connection's admin credential at the vendor; the result is stored on the connection and audited" })
  check(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ConnectionCheckResultDto> {
    return this.checks.check(ctx, id);
  }
}
